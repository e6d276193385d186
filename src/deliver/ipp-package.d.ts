// Types for the parts of the untyped `ipp` package (2.0.1) that the deliver stage uses.
declare module "ipp" {
  interface IppMessage {
    version?: string;
    operation?: string;
    statusCode?: string;
    id?: number;
    data?: Buffer;
    [group: string]: unknown;
  }
  interface IppParse {
    (buffer: Buffer): IppMessage;
    /** Called for out-of-band values (no-value, unknown…); the default logs to stdout. */
    handleUnknownTag: (tag: number, name: string, length: number, read: (length: number) => string) => unknown;
  }
  interface Xref {
    lookup: (string | undefined)[];
    [name: string]: unknown;
  }
  const ipp: {
    serialize(message: IppMessage): Buffer;
    parse: IppParse;
    statusCodes: Xref;
  };
  export default ipp;
}
