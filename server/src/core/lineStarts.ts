/**
 * Where each line of a text starts, for turning offsets into 1-based lines and columns where no
 * TextDocument is at hand (a schema file, the text a validator judges). Lines end at '\n', as LSP counts them.
 */
export class LineStarts {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** The 1-based line and column (in UTF-16 code units) of an offset. */
  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStartsOf(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
