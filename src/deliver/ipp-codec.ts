// IPP messages as bytes (RFC 8010): requests encoded from a table of the attributes we send,
// responses decoded whole — any value tag, 1setOf values, collections, out-of-band values —
// into plain objects, one per attribute group.

import { DeliveryError, DeliveryUsageError } from "./errors";
import {
  END_OF_ATTRIBUTES,
  ENUM_KEYWORDS,
  GROUP_NAMES,
  type IppOperation,
  MAX_OCTETS,
  OPERATIONS,
  SENT_ATTRIBUTES,
  STATUS_NAMES,
  SYNTAX_TAG,
  TAG,
} from "./ipp-tables";

export type { IppOperation } from "./ipp-tables";

/**
 * Attribute values: a single value as itself, 1setOf as an array. Integers and enums are numbers
 * (job-state and printer-state become their keywords), strings are strings, dateTime a Date,
 * resolution {x, y, units}, rangeOfInteger {lower, upper}, a collection an object; an out-of-band
 * value (unknown, no-value, unsupported) is undefined.
 */
export type IppAttributes = Record<string, unknown>;

export interface IppRequest {
  operation: IppOperation;
  requestId: number;
  /** After attributes-charset and attributes-natural-language, which are added first. */
  operationAttributes: IppAttributes;
  jobAttributes?: IppAttributes;
}

export interface IppResponse {
  version: string;
  statusCode: number;
  statusName: string;
  requestId: number;
  operation: IppAttributes;
  job: IppAttributes;
  printer: IppAttributes;
  /** Attributes the printer did not support, as it echoed them back. */
  unsupported: IppAttributes;
}

export function encodeIppRequest(request: IppRequest): Buffer {
  const parts: Buffer[] = [header(0x0200, OPERATIONS[request.operation], request.requestId)];
  const operation = {
    "attributes-charset": "utf-8",
    "attributes-natural-language": "en",
    ...request.operationAttributes,
  };
  const fail = (why: string) => new DeliveryUsageError(`cannot encode IPP ${request.operation} request: ${why}`);
  parts.push(Buffer.of(0x01), ...encodeGroup(operation, fail));
  if (request.jobAttributes) parts.push(Buffer.of(0x02), ...encodeGroup(request.jobAttributes, fail));
  parts.push(Buffer.of(END_OF_ATTRIBUTES));
  return Buffer.concat(parts);
}

function header(version: number, code: number, requestId: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt16BE(version, 0);
  b.writeUInt16BE(code, 2);
  b.writeUInt32BE(requestId, 4);
  return b;
}

function encodeGroup(attributes: IppAttributes, fail: (why: string) => Error): Buffer[] {
  const out: Buffer[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    const syntax = SENT_ATTRIBUTES[name];
    if (!syntax) throw fail(`unknown attribute ${name}`);
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0) throw fail(`${name} has no value`);
    values.forEach((v, i) => {
      out.push(encodeValue(i === 0 ? name : "", SYNTAX_TAG[syntax], encodeData(name, syntax, v, fail)));
    });
  }
  return out;
}

function encodeData(name: string, syntax: keyof typeof SYNTAX_TAG, value: unknown, fail: (why: string) => Error) {
  if (syntax === "integer") {
    if (!Number.isInteger(value) || (value as number) < -(2 ** 31) || (value as number) >= 2 ** 31) {
      throw fail(`${name} must be a 32-bit integer, not ${String(value)}`);
    }
    const b = Buffer.alloc(4);
    b.writeInt32BE(value as number);
    return b;
  }
  if (syntax === "boolean") {
    if (typeof value !== "boolean") throw fail(`${name} must be true or false, not ${String(value)}`);
    return Buffer.of(value ? 1 : 0);
  }
  if (typeof value !== "string") throw fail(`${name} must be a string, not ${String(value)}`);
  const bytes = Buffer.from(value, "utf8");
  const max = MAX_OCTETS[syntax] ?? 1023;
  if (bytes.length > max) throw fail(`${name} is ${bytes.length} bytes long; at most ${max} are allowed`);
  return bytes;
}

function encodeValue(name: string, tag: number, data: Buffer): Buffer {
  const nameBytes = Buffer.from(name, "utf8");
  const b = Buffer.alloc(1 + 2 + nameBytes.length + 2 + data.length);
  b.writeUInt8(tag, 0);
  b.writeUInt16BE(nameBytes.length, 1);
  nameBytes.copy(b, 3);
  b.writeUInt16BE(data.length, 3 + nameBytes.length);
  data.copy(b, 5 + nameBytes.length);
  return b;
}

export function ippStatusName(code: number): string {
  return STATUS_NAMES[code] ?? `0x${code.toString(16).padStart(4, "0")}`;
}

/** 0x0000–0x00FF are the successful-* codes. */
export function isSuccessStatus(code: number): boolean {
  return code >= 0 && code <= 0x00ff;
}

export function decodeIppResponse(body: Buffer): IppResponse {
  if (body.length < 9) throw new DeliveryError(`truncated IPP response (${body.length} bytes)`);
  const major = body.readUInt8(0);
  const minor = body.readUInt8(1);
  if (major < 1 || major > 2) throw new DeliveryError(`not an IPP response (version ${major}.${minor})`);
  let groups: Map<string, IppAttributes>;
  try {
    groups = new Reader(body, 8).groups();
  } catch (error) {
    throw new DeliveryError(`malformed IPP response: ${(error as Error).message}`);
  }
  const statusCode = body.readUInt16BE(2);
  return {
    version: `${major}.${minor}`,
    statusCode,
    statusName: ippStatusName(statusCode),
    requestId: body.readUInt32BE(4),
    operation: groups.get("operation") ?? {},
    job: groups.get("job") ?? {},
    printer: groups.get("printer") ?? {},
    unsupported: groups.get("unsupported") ?? {},
  };
}

/** One value as read: its tag, its attribute name ("" for an additional value), its bytes. */
interface RawValue {
  tag: number;
  name: string;
  data: Buffer;
}

class Reader {
  constructor(
    private readonly b: Buffer,
    private pos: number,
  ) {}

  /** The attribute groups up to end-of-attributes; of a group that repeats (several jobs), the first. */
  groups(): Map<string, IppAttributes> {
    const groups = new Map<string, IppAttributes>();
    let current: IppAttributes | undefined;
    let last: string | undefined;
    for (;;) {
      const tag = this.byte();
      if (tag === END_OF_ATTRIBUTES) return groups;
      if (tag < 0x10) {
        const name = GROUP_NAMES[tag] ?? `group-0x${tag.toString(16)}`;
        current = {};
        if (!groups.has(name)) groups.set(name, current);
        last = undefined;
        continue;
      }
      if (!current) throw new Error(`value tag 0x${tag.toString(16)} before any attribute group`);
      const raw = this.value(tag);
      const value = raw.tag === TAG.begCollection ? this.collection() : this.decodeValue(raw, raw.name || last);
      if (raw.name) {
        last = raw.name;
        current[raw.name] = value;
      } else if (last !== undefined) {
        const prev = current[last];
        current[last] = Array.isArray(prev) ? [...prev, value] : [prev, value];
      } else {
        throw new Error("an additional value without an attribute");
      }
    }
  }

  /** Members up to endCollection (RFC 8010 §3.1.6). */
  private collection(): IppAttributes {
    const members: IppAttributes = {};
    let member: string | undefined;
    for (;;) {
      const raw = this.value(this.byte());
      if (raw.tag === TAG.endCollection) return members;
      if (raw.tag === TAG.memberAttrName) {
        member = raw.data.toString("utf8");
        continue;
      }
      if (member === undefined) throw new Error("a collection value without a member name");
      const value = raw.tag === TAG.begCollection ? this.collection() : this.decodeValue(raw, member);
      if (!(member in members)) members[member] = value;
      else {
        const prev = members[member];
        members[member] = Array.isArray(prev) ? [...prev, value] : [prev, value];
      }
    }
  }

  private value(tag: number): RawValue {
    if (tag === TAG.extension) throw new Error("extended value tags are not supported");
    const nameLength = this.uint16();
    const name = this.bytes(nameLength).toString("utf8");
    const data = this.bytes(this.uint16());
    return { tag, name, data };
  }

  private decodeValue({ tag, data }: RawValue, name: string | undefined): unknown {
    if (tag >= 0x10 && tag <= 0x1f) return undefined; // out-of-band: unsupported, unknown, no-value…
    const need = (n: number) => {
      if (data.length !== n) throw new Error(`value of ${name} has ${data.length} bytes, expected ${n}`);
    };
    switch (tag) {
      case TAG.integer:
        need(4);
        return data.readInt32BE(0);
      case TAG.enum: {
        need(4);
        const n = data.readInt32BE(0);
        return (name && ENUM_KEYWORDS[name]?.[n]) ?? n;
      }
      case TAG.boolean:
        need(1);
        return data[0] !== 0;
      case TAG.dateTime:
        need(11);
        return dateTime(data);
      case TAG.resolution:
        need(9);
        return { x: data.readInt32BE(0), y: data.readInt32BE(4), units: data[8] === 3 ? "dpi" : "dpcm" };
      case TAG.rangeOfInteger:
        need(8);
        return { lower: data.readInt32BE(0), upper: data.readInt32BE(4) };
      case TAG.textWithLanguage:
      case TAG.nameWithLanguage: {
        // language length + language, text length + text: the text is what we show.
        const langLength = data.readUInt16BE(0);
        const textLength = data.readUInt16BE(2 + langLength);
        return data.subarray(4 + langLength, 4 + langLength + textLength).toString("utf8");
      }
      case TAG.octetString:
        return data;
      default:
        return data.toString("utf8"); // text, name, keyword, uri, charset, language, mime type…
    }
  }

  private byte(): number {
    if (this.pos >= this.b.length) throw new Error("ends before end-of-attributes");
    return this.b[this.pos++] as number;
  }

  private uint16(): number {
    if (this.pos + 2 > this.b.length) throw new Error("ends inside an attribute");
    const n = this.b.readUInt16BE(this.pos);
    this.pos += 2;
    return n;
  }

  private bytes(n: number): Buffer {
    if (this.pos + n > this.b.length) throw new Error("ends inside an attribute");
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/** RFC 2579 DateAndTime: year(2) month day hour minute second decisecond, direction, UTC offset. */
function dateTime(d: Buffer): Date {
  const offsetMin = ((d[9] as number) * 60 + (d[10] as number)) * (d[8] === 0x2d ? -1 : 1); // '-' or '+'
  const utc = Date.UTC(
    d.readUInt16BE(0),
    (d[2] as number) - 1,
    d[3] as number,
    d[4] as number,
    d[5] as number,
    d[6] as number,
    (d[7] as number) * 100,
  );
  return new Date(utc - offsetMin * 60_000);
}

/** An attribute's values as strings: single values and 1setOf values alike. */
export function attributeStrings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v) => v !== undefined && v !== null).map((v) => String(v));
}
