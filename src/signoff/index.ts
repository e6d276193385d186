// The sign-off stage: which pages are ready for the plant, who signed them off, what was sent
// where and in which version, in the plant record beside the build (signoff.json).

export { SignoffError, signOff } from "./approve";
export {
  describeStatus,
  type PageOnDisk,
  type PageState,
  type PageStatus,
  pageKey,
  pageStatuses,
  sha256OfFile,
} from "./page-status";
export { type PlannedDelivery, planSend, type SendPlan, versionedName } from "./send-plan";
export {
  type Delivery,
  type PlantRecord,
  readPlantRecord,
  SIGNOFF_FILE,
  type SignOff,
  SignoffFileError,
  updatePlantRecord,
} from "./state-file";
