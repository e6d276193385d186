// The part of linebreak (UAX #14, no bundled types) that the composer uses.
declare module "linebreak" {
  export class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
