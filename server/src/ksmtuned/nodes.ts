import type { Span } from '../core/span';
import type { Assignment, KsmLine, Opener, RefusedToken, ShellWord, Statement } from './types';

// What the parser makes: plain offsets inside, each span of types.ts made when asked. A line of a file of
// megabytes was a dozen objects that all outlive the parse, five of them spans, and a third of a large
// file's lint went to the collector moving them; the spans are read far less often than they are made.

export class LineNode implements KsmLine {
  declare carriageReturn?: Span;
  declare comment?: Span;
  declare refused?: RefusedToken;
  declare inArray?: Span;
  declare inQuote?: Span;
  declare dropped?: true;
  statements: Statement[] = [];

  constructor(
    readonly number: number,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get span(): Span {
    return { start: this.start, end: this.end };
  }
}

export class AssignmentNode implements Assignment {
  readonly kind = 'assignment';
  declare exportSpan?: Span;
  declare spaceBefore?: Span;
  declare spaceAfter?: Span;
  declare command?: Span;
  declare redirections?: Span[];
  declare subshell?: Span;
  declare unreached?: Span;
  declare array?: { span: Span; elements: number; unclosed: boolean; openElement?: ShellWord };

  constructor(
    private readonly start: number,
    private readonly end: number,
    readonly name: string,
    private readonly nameStart: number,
    private readonly equals: number,
    public value: ShellWord,
  ) {}

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get nameSpan(): Span {
    return { start: this.nameStart, end: this.nameStart + this.name.length };
  }

  get equalsSpan(): Span {
    return { start: this.equals, end: this.equals + 1 };
  }
}

export class WordNode implements ShellWord {
  declare unclosed?: readonly Opener[];
  declare quoteCloses?: Span | 'never';
  declare openAtEnd?: readonly Opener[];
  declare quotedLineBreak?: true;

  constructor(
    /** Where the word starts and ends, for the parser's own reading without a span. */
    readonly start: number,
    readonly end: number,
    readonly literal: string | undefined,
    readonly quoted: boolean,
    readonly substitutions: readonly Span[],
    readonly references: readonly string[],
  ) {}

  get span(): Span {
    return { start: this.start, end: this.end };
  }
}
