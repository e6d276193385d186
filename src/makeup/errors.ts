import { InputError } from "../errors";
/** Thrown for an impossible explicit make-up (overlapping or out-of-grid placements). */
export class MakeupError extends InputError {
  override name = "MakeupError";
}
