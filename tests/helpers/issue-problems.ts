import { expect } from "vitest";
import { IssueError, parseIssue } from "../../src/load";

/** The lines of the report an issue that load rejects gets; fails the test if it is accepted. */
export function problems(input: unknown): string[] {
  try {
    parseIssue(JSON.stringify(input), "/x/issue.json", "issues/x/issue.json");
  } catch (err) {
    expect(err).toBeInstanceOf(IssueError);
    return (err as IssueError).message.split("\n");
  }
  throw new Error("expected the issue to be rejected");
}
