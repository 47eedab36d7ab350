import type { Span } from '../core/span';

/**
 * /etc/ksmtuned.conf as bash reads it when ksmtuned sources it: lines of statements, each an
 * assignment or a command, with comments. Every span is an offset range into the text (UTF-16 code
 * units, like LSP positions).
 */
export interface KsmConf {
  text: string;
  lines: KsmLine[];
}

export interface KsmLine {
  /** 0-based. */
  number: number;
  /** The line without its line break, and without the carriage return of a CRLF ending. */
  span: Span;
  /** The `\r` before the `\n`, when the line ends in CRLF (bash keeps it as part of the line). */
  carriageReturn?: Span;
  /** Empty for a blank line or a line that is only a comment. */
  statements: Statement[];
  /** From `#` to the end of the line, when the line has a comment. */
  comment?: Span;
  /**
   * The first token bash refuses as a syntax error, when there is one (syntax.ts): bash runs and sets
   * nothing of the line and reads no further, so the statements end with the one holding this token.
   */
  refused?: RefusedToken;
  /**
   * Where the line goes on with an array a line above left open (`NAME=(a` ... `)`): bash reads this part of
   * the line, up to and with the `)` when it is on the line, as more elements of that array.
   */
  inArray?: Span;
  /**
   * Where the line goes on with a quote a line above left open: bash reads this part of the line, up to the
   * closing quote and the rest of its word, into that word (the whole line when the quote does not close here).
   */
  inQuote?: Span;
  /**
   * bash reads this line and the lines below it as one command (a quote or an array left open), and a line
   * below holds a token it refuses: it runs and sets nothing of this line either.
   */
  dropped?: true;
}

/** A token bash refuses on a line, and what it is. */
export interface RefusedToken {
  span: Span;
  /** The operator as written (`;;`, `&`, `)`...), or the word right after a subshell. */
  token: string;
  /** A redirection with no word after it (bash names the line's end; the span is the redirection's). */
  missingWord?: boolean;
  /**
   * Inside the parentheses of an array assignment (`NAME=(30 >`): bash 5 drops the line, as at any syntax
   * error, but then goes on reading the file from the next line instead of stopping.
   */
  inArray?: true;
}

export type Statement = Assignment | Command;

/** `NAME=value`, maybe after `export`, maybe written with spaces around `=` (which bash does not read as one). */
export interface Assignment {
  kind: 'assignment';
  span: Span;
  exportSpan?: Span;
  name: string;
  nameSpan: Span;
  equalsSpan: Span;
  /** Blanks between the name and `=`. */
  spaceBefore?: Span;
  /** Blanks between `=` and a value (not blanks before the end of the line or a comment). */
  spaceAfter?: Span;
  /** The value (its span is empty, right after `=`, when there is none). */
  value: ShellWord;
  /** Words after the value in the same statement: bash runs them as a command with the variable in its environment only. */
  command?: Span;
  /** Redirections after the value (`> file`): bash still sets the variable, and opens each file for the line. */
  redirections?: Span[];
  /** `&`, `|` or `|&` right after: bash runs the assignment in a subshell, so the shell sourcing the file never has it. */
  subshell?: Span;
  /** The `||` before it, after another assignment, which always succeeds: bash never runs this one. */
  unreached?: Span;
  /**
   * `NAME=(a b)`: bash makes an array, and `value` is its first element, which $NAME gives. Its span from the
   * `(` to the `)`, or to the line's end when the `)` is not on the line (`unclosed`).
   */
  array?: {
    span: Span;
    elements: number;
    unclosed: boolean;
    /** While the array is open: its last element, when that leaves a quote (or `$(`...) open at its line's end. */
    openElement?: ShellWord;
  };
}

/** Anything else bash would run: a command name and its arguments. */
export interface Command {
  kind: 'command';
  span: Span;
  words: ShellWord[];
  /** The `||` before it, after an assignment: an assignment always succeeds, so bash never runs this. */
  unreached?: Span;
}

/** One shell word: unquoted text, '...', "...", escapes and expansions, as written. */
export interface ShellWord {
  span: Span;
  /**
   * The word after quote removal; undefined when it holds an expansion (`$NAME`, `${...}`, `$(...)`, a
   * backquoted command, `$((...))`) whose value virt-tune does not compute.
   */
  literal: string | undefined;
  quoted: boolean;
  /** The openers the line leaves open, outermost first: `"`, then `$(` for `"$(date` (quotes, backquotes, `$(`, `${`). */
  unclosed?: readonly Opener[];
  /**
   * For an opener left open that ends its line's statements: where it closes on a line below (bash reads
   * the lines between into the word), or `never` when no line below closes it (bash then stops at a syntax
   * error at the end of the file).
   */
  quoteCloses?: Span | 'never';
  /**
   * With `never`: the openers bash is still inside at the end of the file, outermost first (the one it names
   * last): fewer than `unclosed` when a line below closes some, others when it closes them all and opens
   * more in the same word (`"a` and then `b"'c`).
   */
  openAtEnd?: readonly Opener[];
  /**
   * For such an opener: a line it spans ends with only quotes open (`"a` or `'a`, not `$(a` or `"$(a`), so
   * the value's own text takes a line break, not only a command or expansion written over lines.
   */
  quotedLineBreak?: true;
  /** The commands run for their output (`$(...)` or backquotes) inside the word. */
  substitutions: readonly Span[];
  /** The variable names the word expands (`$NAME`, `${NAME...}`). */
  references: readonly string[];
}

/**
 * Something bash reads on from until it meets its closer: a quote (`$'` too) or backquote, `$(` or `$((` (closed by the
 * `)` that brings its parentheses back to none) or `${`, as written, at `at` (its first character).
 */
export type Opener = { kind: "'" | "$'" | '"' | '`' | '${'; at: number } | { kind: '$(' | '$(('; at: number; depth: number };
