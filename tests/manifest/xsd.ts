/**
 * The official add-in manifest XSDs (manifest-xsd/ of the shared material, found by tests/support/shared-material.ts), extended with
 * the shared runtime's <Runtimes>: for the development manifest and the one a deployment build writes.
 */
import * as fs from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";

/** The 2020 XSDs predate the shared runtime: add <Runtimes> (first child of a Host) to a copy. */
function taskPaneOverridesWithRuntimes(dir: string): string {
  const xsd = fs.readFileSync(path.join(dir, "TaskPaneAppVersionOverridesV1_0.xsd"), "utf8");
  const hostSequence = /(<xs:complexType name="Host" abstract="true">[\s\S]*?<xs:sequence>)/;
  if (!hostSequence.test(xsd)) throw new Error("the Host type was not found in the XSD");
  const runtimes = `
  <xs:complexType name="Runtime">
    <xs:attribute name="resid" type="bt:URLReferenceId" use="required"/>
    <xs:attribute name="lifetime" use="optional">
      <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="short"/><xs:enumeration value="long"/></xs:restriction></xs:simpleType>
    </xs:attribute>
  </xs:complexType>
  <xs:complexType name="Runtimes">
    <xs:sequence><xs:element name="Runtime" type="Runtime" minOccurs="1" maxOccurs="unbounded"/></xs:sequence>
  </xs:complexType>
`;
  return xsd
    .replace(
      hostSequence,
      `$1\n      <xs:element name="Runtimes" type="Runtimes" minOccurs="0" maxOccurs="1"/>`,
    )
    .replace(/<\/xs:schema>\s*$/, `${runtimes}</xs:schema>\n`);
}

/** The XSDs' verdict on a manifest; `dir` is the manifest-xsd folder (the test is skipped without it). */
export async function validateAgainstXsd(xml: string, dir: string | undefined) {
  if (dir === undefined)
    throw new Error("the manifest XSDs are not there: the test should have been skipped");
  const file = (name: string, contents?: string) => ({
    fileName: name,
    contents: contents ?? fs.readFileSync(path.join(dir, name), "utf8"),
  });
  return validateXML({
    xml: { fileName: "manifest.xml", contents: xml },
    schema: file("OfficeAppManifestV1_1.xsd"),
    preload: [
      file("OfficeAppBasicTypesV1_0.xsd"),
      file("MailAppVersionOverridesV1_0.xsd"),
      file("MailAppVersionOverridesV1_1.xsd"),
      file("ContentAppVersionOverridesV1_0.xsd"),
      file("TaskPaneAppVersionOverridesV1_0.xsd", taskPaneOverridesWithRuntimes(dir)),
    ],
  });
}

/** The XSDs' messages about a manifest and whether they find it valid: `{ errors: [], valid: true }` when it is. */
export async function xsdVerdict(xml: string, dir: string | undefined) {
  const result = await validateAgainstXsd(xml, dir);
  return { errors: result.errors.map((e) => e.rawMessage), valid: result.valid };
}
