// The page grid, shared by every stage and by the preview's editor (browser code): rectangles and
// their conversions to and from the issue file's units, sizes in pt, the check of explicit
// placements. Pure: imports no stage.

export { type BookedBox, type BoxClash, type BoxPosition, isBoxClash, type PlacedBox, placeBox } from "./boxes";
export { columnLeft, exactPhotoRows, type Grid, gridOf, photoRows, spanWidth, usableAspect } from "./geometry";
export { type PlacedRect, type PlacementClash, placementClashes, standClash } from "./placements";
export {
  cellOf,
  fromIssuePin,
  fromIssueRect,
  type GridPin,
  type GridRect,
  type GridSize,
  type IssuePin,
  type IssueRect,
  inside,
  intersection,
  overlaps,
  rectLabel,
  sameRect,
  toIssueRect,
} from "./rect";
