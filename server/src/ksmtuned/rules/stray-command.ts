import type { FixSpec, Report } from '../../core/types';
import { KSM_TUNING_SERVICE, KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import type { Span } from '../../core/span';
import type { Assignment, Command, KsmConf, KsmLine, Opener, RefusedToken, ShellWord } from '../types';
import type { KsmtunedRule } from './context';
import { commentOutLineFix, standsAlone } from './edits';
import { closersOf, describeOpeners, isQuote } from '../openers';
import { parseKsmtunedConf } from '../parser';

/**
 * VT201: text bash would run as a command. ksmtuned sources ksmtuned.conf with bash, so every line that
 * is not blank, a comment or NAME=value is executed, as root, each time ksmtuned starts: an error.
 * Five shapes: a line that is a command (the guide's own copy has comment lines wrapped by its page
 * layout into lines without `#`), words after an assignment (bash runs them with the variable set for
 * them alone), a `;` that ends no command, any other token bash refuses (a syntax error: one finding for
 * the line, which bash neither runs nor reads past), and a quote left open (bash reads on into the
 * following lines).
 */
export const strayCommand: KsmtunedRule = {
  meta: {
    code: 'VT201',
    name: 'stray-command',
    title: 'Every line must be blank, a comment or NAME=value: bash runs anything else as a command',
    severity: 'error',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    const { conf } = context;
    const wrapped = new Set<number>();
    for (const line of conf.lines) {
      if (line.refused) {
        report(refusedReport(conf.text, line, line.refused));
        continue;
      }
      for (const statement of line.statements) {
        if (statement.unreached) {
          report(unreachedReport(statement.unreached));
          continue;
        }
        if (statement.kind === 'command' && statement.words.length === 0) {
          report(emptyCommandReport(conf.text, statement));
        } else if (statement.kind === 'command') {
          const looksWrapped = line.statements.length === 1 && !line.comment && continuesComment(conf, line, wrapped);
          if (looksWrapped) wrapped.add(line.number);
          report(commandReport(conf, line, statement, looksWrapped));
        } else {
          if (statement.command) report(trailingCommandReport(conf.text, statement, statement.command));
          if (statement.subshell) report(subshellReport(conf.text, statement, statement.subshell));
          for (const redirection of statement.redirections ?? []) report(redirectionReport(conf.text, statement, redirection));
          if (statement.value.unclosed) report(unclosedQuoteReport(conf.text, statement, statement.value, statement.value.unclosed));
          // An array still open on a line bash drops was cut by a token refused below, which has the finding.
          if (statement.array && !(statement.array.unclosed && line.dropped)) {
            const element = statement.array.unclosed ? statement.array.openElement : undefined;
            // An element whose quote is never closed is where bash stops: named once, as the quote (the value's finding names the first).
            if (element?.quoteCloses !== 'never') report(arrayReport(conf.text, statement, statement.array));
            else if (element !== statement.value) report(neverClosedElementReport(statement, element));
          }
        }
      }
    }
  },
};

/**
 * A line bash refuses as a syntax error: one finding at the first token it refuses, whatever follows
 * (bash reads no further). A `;` that ends no command keeps its own finding, whose fix deletes it.
 */
function refusedReport(text: string, line: KsmLine, refused: RefusedToken): Report {
  const { span, token } = refused;
  if (token === ';' || token === ';;') {
    const empty = line.statements.find((statement): statement is Command => statement.kind === 'command' && statement.words.length === 0 && statement.span.start >= span.start);
    if (empty) return emptyCommandReport(text, empty);
  }
  const what = refused.missingWord ? `'${token}' with no file name after it` : refused.inArray ? `'${token}' inside an array's parentheses` : `'${token}' here`;
  // Unlike any other syntax error in a sourced file, one inside an array's parentheses does not end it (bash 5).
  const after = refused.inArray ? 'it then goes on with the next line' : 'it stops reading ksmtuned.conf there: nothing after this line is set either';
  // A line that goes on with an array or a quote from above is part of one command with the lines before it.
  const dropped = line.inArray || line.inQuote ? 'on this line, nor on the lines above it that bash reads with it as one command,' : 'on this line';
  // Commenting out such a line would leave that array or quote open.
  const fixes = standsAlone(line) && !line.inQuote ? [commentOutLineFix(line, 'Comment out the line', false)] : [];
  return {
    span,
    message: `bash refuses ${what} (a syntax error). It parses a whole line before it runs any of it, so nothing ${dropped} is run or set, and ${after}.`,
    fixes,
  };
}

/** The line right above is a comment, or a line already taken for the rest of one. */
function continuesComment(conf: KsmConf, line: KsmLine, wrapped: ReadonlySet<number>): boolean {
  const above = conf.lines[line.number - 1];
  if (!above) return false;
  return (above.statements.length === 0 && above.comment !== undefined) || wrapped.has(above.number);
}

/**
 * A `;` that ends no command (a line that starts with it, or `;;`): bash refuses it as a syntax error
 * before it runs the line, and a file sourced as ksmtuned sources its conf stops there.
 */
function emptyCommandReport(text: string, command: Command): Report {
  const at = command.span.start;
  const semicolon = text[at] === ';';
  return {
    span: { start: at, end: semicolon ? at + 1 : at },
    message: "bash refuses a ';' that ends no command (a syntax error), and stops reading ksmtuned.conf there: nothing on this line or after it is set.",
    fixes: semicolon ? [{ title: "Delete the ';'", edits: [{ span: { start: at, end: at + 1 }, newText: '' }] }] : [],
  };
}

function commandReport(conf: KsmConf, line: KsmLine, command: Command, looksWrapped: boolean): Report {
  const { text } = conf;
  const first = command.words[0]!;
  if (isBareExport(command)) {
    return {
      span: command.span,
      severity: 'information',
      message: 'export without a value changes nothing here: ksmtuned reads the variables of the file whether they are exported or not.',
      fixes: [commentOutLineFix(line, 'Comment out the line', false)],
    };
  }
  const open = command.words.find((word) => word.unclosed);
  if (open?.unclosed) return openQuoteReport(text, line, command, open, open.unclosed);
  const runs =
    first.literal !== undefined
      ? `runs "${first.literal}" as a command`
      : `runs "${innerCommands(text, first)}" and then tries to run its output as a command`;
  const later = command.words.slice(1).flatMap((word) => word.substitutions);
  const also = later.length > 0 ? ` (after running ${later.map((span) => `"${quoteCommand(text, span)}"`).join(' and ')} for ${later.length > 1 ? 'their' : 'its'} output)` : '';
  const what = `bash ${runs}${also} each time ksmtuned starts`;
  const message = looksWrapped
    ? `Not a comment: this looks like the end of the comment above, wrapped onto a line of its own without #, and ${what}. Start the line with #.`
    : `A line of ksmtuned.conf must be blank, a comment or NAME=value: ${what}.`;
  const fixes: FixSpec[] = line.statements.length === 1 && standsAlone(line) ? [commentOutLineFix(line, 'Comment out the line', looksWrapped)] : [];
  return { span: command.span, message, fixes };
}

function trailingCommandReport(text: string, assignment: Assignment, command: Span): Report {
  const value = text.slice(assignment.value.span.start, assignment.value.span.end);
  const words = text.slice(command.start, command.end);
  return {
    span: command,
    message:
      `bash reads "${words}" as a command to run with ${assignment.name}=${value} set for that command alone: the command fails and ` +
      `ksmtuned never sees ${assignment.name}. Quote a value that has spaces, or start a comment with #.`,
    fixes: [{ title: 'Turn the rest of the line into a comment', edits: [{ span: { start: command.start, end: command.start }, newText: '# ' }] }],
  };
}

function unreachedReport(operator: Span): Report {
  return {
    span: operator,
    severity: 'information',
    message:
      'bash never runs what follows ||: it runs only when what comes before fails, and an assignment always succeeds. ' +
      'Put it on a line of its own if it is meant to run.',
  };
}

function subshellReport(text: string, assignment: Assignment, operator: Span): Report {
  const written = text.slice(assignment.span.start, assignment.span.end);
  const how = text.slice(operator.start, operator.end) === '&' ? 'as a background job' : 'as one side of a pipeline';
  return {
    span: operator,
    message:
      `bash runs ${written} ${how}, in a subshell of its own: the variable is set there and gone when it ends, so ` +
      `ksmtuned never sees ${assignment.name}. End the assignment with a new line or ; instead.`,
  };
}

function redirectionReport(text: string, assignment: Assignment, redirection: Span): Report {
  const written = text.slice(redirection.start, redirection.end);
  return {
    span: redirection,
    severity: 'warning',
    message:
      `bash still sets ${assignment.name}, but it also carries out "${written}" each time ksmtuned starts ` +
      '(a > creates or empties the file it names). An assignment needs no redirection: remove it.',
  };
}

/** A command with a quote it does not close on its line: bash goes on reading the lines below into it. */
function openQuoteReport(text: string, line: KsmLine, command: Command, word: ShellWord, openers: readonly Opener[]): Report {
  const closes = word.quoteCloses;
  const quote = describeOpeners(word.openAtEnd ?? openers);
  const open = openerSpan(word.openAtEnd ?? openers);
  return {
    span: open,
    message:
      closes === 'never'
        ? `The ${quote} opened here is never closed: bash reads the rest of the file into it and stops reading ksmtuned.conf at a syntax error at its end, so nothing from this line on is set or run.`
        : closes
          ? `The ${quote} opened here is closed only ${linesBelow(text, open, closes)}: bash runs all of it, the lines between included, as one command each time ksmtuned starts, ` +
            'so nothing written on those lines is set.'
          : `The ${quote} opened here is not closed on its line: bash reads on through the lines below, up to where it closes, ` +
            'and runs all of it as one command each time ksmtuned starts; with none, it stops reading ksmtuned.conf at a syntax error, ' +
            'and nothing from this line on is set.',
    // Closed on a line below, the closing quote would open a quote of its own once this line is a comment.
    fixes: typeof closes !== 'object' && (closes !== 'never' || restReadsClean(text, line.span.end)) && line.statements.length === 1 && command.span.start === line.statements[0]!.span.start && standsAlone(line) ? [commentOutLineFix(line, 'Comment out the line', false)] : [],
  };
}

/** `NAME=(a b)`: an array, of which ksmtuned reads the first element only. */
function arrayReport(text: string, assignment: Assignment, array: NonNullable<Assignment['array']>): Report {
  const open = { start: array.span.start, end: array.span.start + 1 };
  if (array.unclosed) {
    return {
      span: open,
      message:
        `The ( of ${assignment.name}'s array is never closed: bash reads every line below as more elements of it, then stops at a syntax error ` +
        `at the end of the file, so nothing after this line is set or run. Close it on this line, or write ${assignment.name}=value without parentheses.`,
    };
  }
  const closedOn = text.slice(array.span.start, array.span.end).split('\n').length - 1;
  if (closedOn > 0) {
    return {
      span: open,
      message:
        `The ( of ${assignment.name}'s array is closed only ${closedOn === 1 ? 'on the next line' : `${closedOn} lines below`}: bash reads what lies between ` +
        `as more elements of it, so nothing written there is set or run. Close it on this line, or write ${assignment.name}=value without parentheses.`,
    };
  }
  const first = text.slice(assignment.value.span.start, assignment.value.span.end);
  const name = assignment.name;
  const what =
    array.elements === 0
      ? `bash makes ${name} an empty array, so $${name}, which ksmtuned reads, is empty`
      : array.elements === 1
        ? `bash makes ${name} an array of one element, which $${name} gives ksmtuned: the parentheses change nothing`
        : `bash makes ${name} an array, and ksmtuned reads $${name}, its first element, ${first}: the ${array.elements - 1} after it ${array.elements === 2 ? 'is' : 'are'} never used`;
  return {
    span: array.span,
    severity: 'information',
    message: `${what}. Write ${name}=${first}.`,
    fixes: [{ title: `Write ${name}=${first}`, edits: [{ span: array.span, newText: first }] }],
  };
}

/** An element of an array whose quote (or `$(`...) is never closed: bash looks for its closer, not the array's `)`. */
function neverClosedElementReport(assignment: Assignment, element: ShellWord): Report {
  const openers = element.openAtEnd ?? element.unclosed!;
  return {
    span: openerSpan(openers),
    message:
      `The ${describeOpeners(openers)} opened in an element of ${assignment.name}'s array is never closed: bash reads the rest of the file into it ` +
      'and stops at a syntax error at its end, so nothing from this line on is set.',
  };
}

function unclosedQuoteReport(text: string, assignment: Assignment, value: ShellWord, openers: readonly Opener[]): Report {
  const closes = value.quoteCloses;
  // Never closed: named as bash names it, by what is still open at the end of the file.
  const quote = describeOpeners(value.openAtEnd ?? openers);
  const open = openerSpan(value.openAtEnd ?? openers);
  // Closing quotes and backquotes at the end of the value is a plain guess; a $( or ${ may go on elsewhere.
  const closer = openers.every((opener) => isQuote(opener) || opener.kind === '`') ? closersOf(openers) : undefined;
  // What the lines it takes become: part of the value, or of the command (or expansion) the outermost of them is.
  const outer = openers.find((opener) => !isQuote(opener))?.kind;
  const into = value.quotedLineBreak || !outer ? 'the value' : outer === '${' ? 'the expansion' : outer === '$((' ? 'the arithmetic expression whose result is the value' : 'the command whose output is the value';
  const name = assignment.name;
  if (closes && closes !== 'never' && !value.quotedLineBreak) {
    // A command or expansion written over several lines is shell bash runs as written: a warning, as
    // only the lines between can be a slip (an assignment there is part of the command, not set).
    return {
      span: open,
      severity: 'warning',
      message:
        `The ${quote} opened in the value of ${name} is closed only ${linesBelow(text, open, closes)}: bash reads everything up to there as part of ${into}, ` +
        `so nothing written on the lines it spans is set on its own. ksmtuned.conf is meant for NAME=value lines; if ${name} needs a computed value, keep it on one line.`,
    };
  }
  return {
    span: open,
    message:
      closes === 'never'
        ? `The ${quote} opened in the value of ${name} is never closed: bash reads the rest of the file into ${into} and stops at a syntax error at its end, ` +
          'so nothing from this line on is set.'
        : closes
          ? `The ${quote} opened in the value of ${name} is closed only ${linesBelow(text, open, closes)}: bash takes the lines between into the value, ` +
            'so nothing written on them is set.'
          : `The ${quote} opened in the value of ${name} is not closed on its line: bash reads on through the lines below, ` +
            `up to where it closes, and takes them into ${into} (with none, it stops reading the file at a syntax error).`,
    // A quote closed on a line below: closing it here would open that one instead, so no fix is guessed.
    // In an array's element, closing it would leave the array open.
    fixes: closer && !assignment.array && (closes === undefined || (closes === 'never' && restReadsClean(text, value.span.end))) ? [{ title: `Close the ${[...closer].join(' and the ')} at the end of the value`, edits: [{ span: { start: value.span.end, end: value.span.end }, newText: closer }] }] : [],
  };
}

/** Where a finding on openers left open goes: the innermost's first character (the quote, or the `$` of `$(` and `${`), the one bash is still looking for at the line's end. */
function openerSpan(openers: readonly Opener[]): Span {
  const at = openers[openers.length - 1]!.at;
  return { start: at, end: at + 1 };
}

/**
 * Whether the lines after `from`, which a quote never closed hides from bash, read as nothing but blanks,
 * comments and plain assignments once it is gone: only then does a fix that closes or removes the quote
 * leave no error of bash's behind it (it would bring back to bash whatever the lines below hold).
 */
function restReadsClean(text: string, from: number): boolean {
  const next = text.indexOf('\n', from);
  if (next < 0) return true;
  return parseKsmtunedConf(text.slice(next + 1)).lines.every(
    (line) =>
      !line.refused &&
      line.statements.every(
        (statement) =>
          statement.kind === 'assignment' && !statement.unreached && !statement.command && !statement.array && !statement.subshell && !statement.redirections && !statement.value.unclosed,
      ),
  );
}

/** `on the next line` or `3 lines below`: where a quote opened at `open` closes. */
function linesBelow(text: string, open: Span, closes: Span): string {
  let lines = 0;
  for (let pos = text.indexOf('\n', open.start); pos >= 0 && pos < closes.start; pos = text.indexOf('\n', pos + 1)) lines++;
  return lines === 1 ? 'on the next line' : `${lines} lines below`;
}

/** `export NAME ...` with no `=`: bash marks existing variables for export, nothing else. */
function isBareExport(command: Command): boolean {
  const [first, ...rest] = command.words;
  return first?.literal === 'export' && rest.length > 0 && rest.every((word) => word.literal !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(word.literal));
}

function innerCommands(text: string, word: ShellWord): string {
  return word.substitutions.map((span) => quoteCommand(text, span)).join(', ') || text.slice(word.span.start, word.span.end);
}

/** The command inside `...` or $(...), as written. */
function quoteCommand(text: string, span: Span): string {
  const written = text.slice(span.start, span.end);
  const inner = written.startsWith('`') ? written.slice(1, written.endsWith('`') && written.length > 1 ? -1 : undefined) : written.slice(2, written.endsWith(')') ? -1 : undefined);
  return inner.trim();
}
