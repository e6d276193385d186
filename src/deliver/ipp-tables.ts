// The parts of the IPP registry (RFC 8011, PWG 5100.x) that newsprint speaks: operation codes,
// value tags, the syntax of every attribute we send, the enums we read back, and status names.

export const OPERATIONS = {
  "Print-Job": 0x0002,
  "Get-Job-Attributes": 0x0009,
  "Get-Printer-Attributes": 0x000b,
} as const;

export type IppOperation = keyof typeof OPERATIONS;

/** Value tags (RFC 8010 §3.5.2); 0x10–0x1f are out-of-band values that carry no data. */
export const TAG = {
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  textWithoutLanguage: 0x41,
  nameWithoutLanguage: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
  extension: 0x7f,
} as const;

/** Delimiter tags that open an attribute group, by the name the response groups go under. */
export const GROUP_NAMES: Record<number, string> = {
  1: "operation",
  2: "job",
  4: "printer",
  5: "unsupported",
  6: "subscription",
  7: "event-notification",
  8: "resource",
  9: "document",
  10: "system",
};
export const END_OF_ATTRIBUTES = 0x03;

type SendSyntax = "integer" | "boolean" | "keyword" | "uri" | "charset" | "naturalLanguage" | "mimeMediaType" | "name";

/** Every attribute newsprint sends, with its syntax and the longest value allowed (octets). */
export const SENT_ATTRIBUTES: Record<string, SendSyntax> = {
  "attributes-charset": "charset",
  "attributes-natural-language": "naturalLanguage",
  "printer-uri": "uri",
  "requesting-user-name": "name",
  "job-name": "name",
  "ipp-attribute-fidelity": "boolean",
  "document-format": "mimeMediaType",
  "job-id": "integer",
  "requested-attributes": "keyword",
  copies: "integer",
  media: "keyword",
  sides: "keyword",
};

export const SYNTAX_TAG: Record<SendSyntax, number> = {
  integer: TAG.integer,
  boolean: TAG.boolean,
  keyword: TAG.keyword,
  uri: TAG.uri,
  charset: TAG.charset,
  naturalLanguage: TAG.naturalLanguage,
  mimeMediaType: TAG.mimeMediaType,
  name: TAG.nameWithoutLanguage,
};

/** RFC 8011 §5.1: name 255 octets, uri 1023, keyword/charset/language/mime 255. */
export const MAX_OCTETS: Partial<Record<SendSyntax, number>> = {
  keyword: 255,
  uri: 1023,
  charset: 63,
  naturalLanguage: 63,
  mimeMediaType: 255,
  name: 255,
};

/** Enums read back as their keywords; any other enum stays a number. */
export const ENUM_KEYWORDS: Record<string, Record<number, string>> = {
  "job-state": {
    3: "pending",
    4: "pending-held",
    5: "processing",
    6: "processing-stopped",
    7: "canceled",
    8: "aborted",
    9: "completed",
  },
  "printer-state": { 3: "idle", 4: "processing", 5: "stopped" },
};

export const STATUS_NAMES: Record<number, string> = {
  0: "successful-ok",
  1: "successful-ok-ignored-or-substituted-attributes",
  2: "successful-ok-conflicting-attributes",
  1024: "client-error-bad-request",
  1025: "client-error-forbidden",
  1026: "client-error-not-authenticated",
  1027: "client-error-not-authorized",
  1028: "client-error-not-possible",
  1029: "client-error-timeout",
  1030: "client-error-not-found",
  1031: "client-error-gone",
  1032: "client-error-request-entity-too-large",
  1033: "client-error-request-value-too-long",
  1034: "client-error-document-format-not-supported",
  1035: "client-error-attributes-or-values-not-supported",
  1036: "client-error-uri-scheme-not-supported",
  1037: "client-error-charset-not-supported",
  1038: "client-error-conflicting-attributes",
  1039: "client-error-compression-not-supported",
  1040: "client-error-compression-error",
  1041: "client-error-document-format-error",
  1042: "client-error-document-access-error",
  1048: "client-error-document-password-error",
  1049: "client-error-document-permission-error",
  1050: "client-error-document-security-error",
  1051: "client-error-document-unprintable-error",
  1280: "server-error-internal-error",
  1281: "server-error-operation-not-supported",
  1282: "server-error-service-unavailable",
  1283: "server-error-version-not-supported",
  1284: "server-error-device-error",
  1285: "server-error-temporary-error",
  1286: "server-error-not-accepting-jobs",
  1287: "server-error-busy",
  1288: "server-error-job-canceled",
  1289: "server-error-multiple-document-jobs-not-supported",
  1290: "server-error-printer-is-deactivated",
  1291: "server-error-too-many-jobs",
  1292: "server-error-too-many-documents",
};
