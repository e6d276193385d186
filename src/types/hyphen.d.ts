// Node's ES modules do not resolve the package's directory imports ("hyphen/en-us"), so the bundle
// imports the file itself; its types are the package's own.
declare module "hyphen/en-us/index.js" {
  import enUs from "hyphen/en-us";
  export default enUs;
}
