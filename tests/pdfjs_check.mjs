// Open a PDF with pdf.js (npm pdfjs-dist) as a browser would: its metadata, every page's
// operators (fonts and pictures decoded) and text. pdf.js prints its warnings on stdout
// ("Warning: ..."); the pages' text goes to stderr. Run from a folder with pdfjs-dist installed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.cwd() + "/");
const pdfjs = await import(require.resolve("pdfjs-dist/legacy/build/pdf.mjs"));
const data = new Uint8Array(readFileSync(process.argv[2]));
const verbosity = pdfjs.VerbosityLevel.WARNINGS;
const doc = await pdfjs.getDocument({ data, verbosity, useSystemFonts: false }).promise;
await doc.getMetadata();
for (let number = 1; number <= doc.numPages; number++) {
  const page = await doc.getPage(number);
  await page.getOperatorList();
  const text = await page.getTextContent();
  console.error(text.items.map((item) => item.str).join(" "));
}
await doc.destroy();
