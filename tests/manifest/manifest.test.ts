import * as fs from "fs";
import * as path from "path";
import { MIN_EXCEL_API, requirementMessage } from "../../src/workbook/office/requirements";
import { itWith, sharedDir } from "../support/shared-material";
import { validateAgainstXsd, xsdVerdict } from "./xsd";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require("../../scripts/validate-manifest.js") as {
  validateManifest: (xml: string, options: { assetsDir: string }) => string[];
};

const root = path.resolve(__dirname, "../..");
const xsdDir = sharedDir("manifest-xsd", "manifest.xml against the official add-in manifest XSDs (2 tests)");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const assetsDir = path.join(root, "assets");

describe("manifest.xml", () => {
  itWith(xsdDir)(
    "is valid against the official add-in manifest XSDs (extended with <Runtimes>)",
    async () => {
      expect(await xsdVerdict(manifest, xsdDir)).toEqual({ errors: [], valid: true });
    },
  );

  itWith(xsdDir)("fails the XSD check when an element is out of place", async () => {
    const broken = manifest.replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>Everything</Permissions>",
    );
    const result = await validateAgainstXsd(broken, xsdDir);
    expect(result.valid).toBe(false);
  });

  it("passes the offline checks of npm run validate", () => {
    expect(validateManifest(manifest, { assetsDir })).toEqual([]);
  });

  it("declares Excel, ReadWriteDocument, a Home tab button and a shared runtime for TENDER functions", () => {
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="TENDER"/>');
    expect(manifest).toContain('<DisplayName DefaultValue="Tender Budget"/>');
  });

  it("declares the ExcelApi version the add-in checks at run time, and its message names only hosts that can load it", () => {
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${MIN_EXCEL_API}"/>`);
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    // Excel on iPad has no shared runtime (nor custom functions): it never loads the add-in.
    expect(requirementMessage()).toContain(`ExcelApi ${MIN_EXCEL_API}`);
    expect(requirementMessage()).not.toMatch(/iPad|iOS/);
  });

  describe("offline checks catch", () => {
    const check = (xml: string) => validateManifest(xml, { assetsDir }).join("\n");
    it("XML that is not well-formed", () => {
      expect(check(manifest.replace("</Permissions>", ""))).toMatch(/not well-formed XML at line \d+/);
    });
    it("a resid with no resource", () => {
      expect(check(manifest.replace('resid="Group.Label"', 'resid="Group.Missing"'))).toContain(
        '<Label resid="Group.Missing"> is not defined in <Resources>',
      );
    });
    it("an http URL and a URL outside AppDomains", () => {
      const out = check(
        manifest
          .replace("https://localhost:3000/functions.json", "http://localhost:3000/functions.json")
          .replace("https://localhost:3000/functions.js", "https://example.org/functions.js"),
      );
      expect(out).toContain('URL "http://localhost:3000/functions.json" must be https');
      expect(out).toContain('URL "https://example.org/functions.js" is not inside an <AppDomain>');
    });
    it("a missing icon and an icon of the wrong size", () => {
      const out = check(manifest.replace("icon-80.png", "icon-81.png").replace("icon-16.png", "icon-32.png"));
      expect(out).toContain("icon-81.png has no file");
      expect(out).toContain("icon-32.png is 32x32, declared 16x16");
    });
    it("an id that is not a GUID and a bad version", () => {
      const out = check(
        manifest.replace(/<Id>[^<]+<\/Id>/, "<Id>tender</Id>").replace("1.0.0.0", "1.0.beta"),
      );
      expect(out).toContain('<Id> must be a GUID, found "tender"');
      expect(out).toContain("<Version> must be 1 to 4 numbers");
    });
    it("a functions page that is not the shared runtime", () => {
      const out = check(
        manifest.replace(
          '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
          '<Page>\n              <SourceLocation resid="GetStarted.LearnMoreUrl"/>',
        ),
      );
      expect(out).toContain(
        'custom functions <Page> uses "GetStarted.LearnMoreUrl" but <Runtime> uses "Taskpane.Url"',
      );
    });
  });
});
