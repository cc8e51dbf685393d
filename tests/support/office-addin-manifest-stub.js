// office-addin-mock requires office-addin-manifest only for its OfficeApp enum; the package's main
// entry pulls in an ESM-only module (strip-bom) that jest cannot require, so map to the enum alone.
module.exports = { OfficeApp: require("office-addin-manifest/lib/officeApp").OfficeApp };
