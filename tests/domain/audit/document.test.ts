/** A bulk download's JSON document read value by value (src/domain/audit/document.ts). */
import { documentPaths, documentReader, type DocumentValue } from "../../../src/domain/audit/document";

function sink() {
  const releases: { ocid: unknown; packageUri?: string; where: string }[] = [];
  const problems: string[] = [];
  return {
    releases,
    problems,
    addRelease: (release: Record<string, unknown>, context: { packageUri?: string }, where: string) =>
      releases.push({ ocid: release.ocid, ...context, where }),
    addProblem: (problem: string) => problems.push(problem),
  };
}

/** A value `key` below the document's top-level field `field` (or at the top when no field). */
const at = (value: unknown, key: string | number, field?: string): DocumentValue => ({
  value,
  key,
  stack: field === undefined ? [{}] : [{}, { key: field }],
});

describe("documentReader", () => {
  test("asks the parser for each item of an array, else each release or record and the top-level fields", () => {
    expect(documentPaths(true)).toEqual(["$.*"]);
    expect(documentPaths(false)).toEqual(expect.arrayContaining(["$.releases.*", "$.records.*", "$.uri"]));
  });

  test("a release package: each release with the package's uri, a non-object named", () => {
    const s = sink();
    const r = documentReader("cf.json", s, false);
    r.onValue(at("https://example.org/notice/1", "uri"));
    r.onValue(at({ ocid: "ocds-a-1" }, 0, "releases"));
    r.onValue(at(7, 1, "releases"));
    r.finish();
    expect(s.releases).toEqual([
      { ocid: "ocds-a-1", packageUri: "https://example.org/notice/1", where: "cf.json releases[0]" },
    ]);
    expect(s.problems).toEqual(["cf.json releases[1]: is not an object"]);
    expect(r.inPackage).toBe(true);
  });

  test("a record package: a record's compiled release", () => {
    const s = sink();
    documentReader("fts.json", s, false).onValue(
      at({ ocid: "ocds-b-2", compiledRelease: { ocid: "ocds-b-2" } }, 0, "records"),
    );
    expect(s.releases).toEqual([{ ocid: "ocds-b-2", where: "fts.json records[0]" }]);
  });

  test("one release alone: its top-level fields put together when the document ends", () => {
    const s = sink();
    const r = documentReader("one.json", s, false);
    r.onValue(at("ocds-c-3", "ocid"));
    r.onValue(at({ id: "t1" }, "tender"));
    expect(s.releases).toEqual([]);
    r.finish();
    expect(s.releases).toEqual([{ ocid: "ocds-c-3", where: "one.json" }]);
    expect(r.inPackage).toBe(false);
  });

  test("an array: each item counted and read, one that holds no release named by its place", () => {
    const s = sink();
    const r = documentReader("list.json", s, true);
    r.onValue(at({ ocid: "ocds-d-4", tag: ["tender"] }, 0));
    r.onValue(at("text", 1));
    r.finish();
    expect(r.element).toBe(2);
    expect(s.releases).toEqual([{ ocid: "ocds-d-4", where: "list.json item 1" }]);
    expect(s.problems).toEqual([expect.stringMatching(/^list\.json item 2 of the list: /)]);
  });
});
