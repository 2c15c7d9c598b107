// Generates the wire types from schema/*.schema.json: one TypeScript module per schema
// (src/schema/generated/<stem>.ts) and one Python module of TypedDicts (jupyter_componentgen/schema_types.py).
// The build runs it before the bundles; a test in each language fails when a committed file is stale.
//
//   node scripts/schema-types.mjs            write the generated files
//   node scripts/schema-types.mjs --check    exit 1, naming the stale files, when one differs from the schemas
//   node scripts/schema-types.mjs --out DIR  write them under DIR instead (same paths as in the repository)
//
// Ours rather than json-schema-to-typescript: that one adds index signatures where additionalProperties is
// not false (the message unions), names types by key without a per-file prefix (events' `Error` shadows the
// global, ws's and widget's `Fix` clash across modules) and emits no Python. This one knows only the keywords
// the schemas use and refuses any other, so a schema cannot outgrow it silently.
//
// Names: a $defs entry is <prefix><PascalCase key> (ws.schema.json's `generate` is WsGenerate), the same in
// both languages; an object or multi-value enum written inline is named after its owner and property.
// Output is already in prettier's and ruff format's style, so no formatter is needed to check freshness.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const repoDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const TS_DIR = "js/src/schema/generated";
const PY_FILE = "jupyter_componentgen/schema_types.py";
const WIDTH = 110;

/** Type-name prefix and the root's name per schema file (others: PascalCase of the file's stem). */
const NAMING = {
  events: { prefix: "Event", root: "GenerationEvent" },
  frame: { prefix: "Frame", root: "FrameMessage" },
  rest: { prefix: "Rest", root: null },
  version: { prefix: "Version", root: "StoredVersion" },
  widget: { prefix: "Widget", root: "WidgetMessage" },
  ws: { prefix: "Ws", root: "WsMessage" },
};

// Validation-only keywords: they do not change a type.
const CHECK_ONLY = ["minimum", "maximum", "minLength", "maxLength", "minItems", "pattern", "format"];
const KNOWN = new Set([
  ...CHECK_ONLY,
  ...["$schema", "$id", "$defs", "$ref", "title", "description", "type", "enum", "const", "required"],
  ...["properties", "additionalProperties", "items", "oneOf"],
]);
const PY_KEYWORDS = new Set(
  `False None True and as assert async await break class continue def del elif else except finally for from
   global if import in is lambda nonlocal not or pass raise return try while with yield`.split(/\s+/),
);

const pascal = (key) => key.replace(/(^|_)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const singular = (key) => (key.endsWith("s") ? key.slice(0, -1) : `${key}_item`);

// --- reading the schemas -----------------------------------------------------------------------------------

/** The schema files, each with its naming, its definitions' nodes and their names. */
function loadSchemas(schemaDir) {
  const files = readdirSync(schemaDir)
    .filter((name) => name.endsWith(".schema.json"))
    .sort();
  return files.map((file) => {
    const stem = file.slice(0, -".schema.json".length);
    const naming = NAMING[stem] ?? { prefix: pascal(stem), root: pascal(stem) };
    const root = JSON.parse(readFileSync(join(schemaDir, file), "utf8"));
    // A file of $defs only (rest.schema.json) has no root type.
    const hasRoot = root.type !== undefined || root.oneOf !== undefined;
    return {
      file,
      stem,
      prefix: naming.prefix,
      rootName: hasRoot ? (naming.root ?? pascal(stem)) : null,
      root,
    };
  });
}

function isObjectNode(node) {
  const types = [node.type ?? []].flat();
  return types.includes("object") && node.properties !== undefined;
}

/** oneOf arms that only say which properties are required: a check, not a shape. */
function onlyRequires(node) {
  return node.oneOf?.every((arm) => Object.keys(arm).every((key) => key === "required")) ?? false;
}

class Generator {
  constructor(schemas) {
    this.schemas = schemas;
    this.byFile = new Map(schemas.map((schema) => [schema.file, schema]));
    /** node -> { name, schema }: the nodes that become named declarations. */
    this.names = new Map();
    /** Declarations per schema file, in schema order. */
    this.decls = new Map(schemas.map((schema) => [schema.file, []]));
    for (const schema of schemas) this.nameNodes(schema);
    for (const schema of schemas) this.declare(schema);
  }

  // Pass 1: name every definition, root, inline object and multi-value enum (refs may point at any of them).
  nameNodes(schema) {
    const { root, prefix } = schema;
    const defName = (key) => (pascal(key).startsWith(prefix) ? pascal(key) : prefix + pascal(key));
    for (const [key, node] of Object.entries(root.$defs ?? {})) this.nameTree(schema, node, defName(key));
    if (schema.rootName !== null) this.nameTree(schema, root, schema.rootName);
  }

  nameTree(schema, node, name) {
    this.checkKeywords(schema, node, name);
    if (!this.names.has(node)) this.names.set(node, { name, schema });
    for (const [key, child] of Object.entries(node.properties ?? {}))
      this.nameInline(schema, child, name, key);
    if (node.items !== undefined) this.nameInline(schema, node.items, name, "item");
  }

  nameInline(schema, node, owner, key) {
    this.checkKeywords(schema, node, `${owner}.${key}`);
    const name = owner + pascal(key);
    if (isObjectNode(node) || (node.enum?.length ?? 0) > 1) return this.nameTree(schema, node, name);
    if (node.items !== undefined) this.nameInline(schema, node.items, owner, singular(key));
    if (typeof node.additionalProperties === "object")
      this.nameInline(schema, node.additionalProperties, owner, singular(key));
    for (const arm of node.oneOf ?? []) this.checkKeywords(schema, arm, name);
  }

  checkKeywords(schema, node, where) {
    for (const key of Object.keys(node)) {
      if (!KNOWN.has(key))
        throw new Error(`${schema.file} (${where}): keyword "${key}" is unknown to scripts/schema-types.mjs`);
    }
  }

  /** The node a $ref points at, and its schema. */
  resolve(schema, ref) {
    const [path, pointer = ""] = ref.split("#");
    const target = path ? this.byFile.get(path) : schema;
    if (target === undefined) throw new Error(`${schema.file}: $ref "${ref}" names no schema file`);
    let node = target.root;
    for (const step of pointer.split("/").filter(Boolean)) {
      node = node?.[step.replace(/~1/g, "/").replace(/~0/g, "~")];
    }
    if (typeof node !== "object" || node === null) throw new Error(`${schema.file}: unresolvable "${ref}"`);
    return { node, schema: target };
  }

  // Pass 2: the declarations, with types as small trees both emitters read.
  declare(schema) {
    const root = schema.root;
    const out = this.decls.get(schema.file);
    const visit = (node) => {
      const named = this.names.get(node);
      if (named === undefined || named.schema !== schema || named.declared) return;
      named.declared = true;
      out.push(this.declaration(schema, node, named.name));
    };
    const walk = (node) => {
      visit(node);
      for (const child of Object.values(node.properties ?? {})) walk(child);
      if (node.items !== undefined) walk(node.items);
      if (typeof node.additionalProperties === "object") walk(node.additionalProperties);
    };
    if (this.names.has(root)) walk(root);
    for (const node of Object.values(root.$defs ?? {})) walk(node);
  }

  declaration(schema, node, name) {
    const doc = node.description ?? (node === schema.root ? node.title : undefined);
    if (isObjectNode(node) && node.oneOf !== undefined && !onlyRequires(node)) {
      // Shared fields plus one of several shapes: the base, and the union narrowed on `type`.
      const base = { kind: "object", name: `${name}Base`, doc: `The fields every ${name} has.` };
      base.props = this.props(schema, node, name);
      const variants = { kind: "union", members: node.oneOf.map((arm) => this.type(schema, arm, name)) };
      return { kind: "alias", name, doc, type: variants, base };
    }
    if (isObjectNode(node)) {
      const note = onlyRequires(node)
        ? `Exactly one of ${node.oneOf.map((arm) => arm.required.map((key) => `\`${key}\``).join(", ")).join(" or ")}.`
        : undefined;
      return {
        kind: "object",
        name,
        doc: [doc, note].filter(Boolean).join(" ") || undefined,
        props: this.props(schema, node, name),
      };
    }
    return { kind: "alias", name, doc, type: this.type(schema, node, name, true) };
  }

  props(schema, node, owner) {
    const required = new Set(node.required ?? []);
    return Object.entries(node.properties).map(([key, child]) => ({
      key,
      required: required.has(key),
      // An inline object or enum carries its description on its own declaration.
      doc: this.names.has(child) ? undefined : child.description,
      type: this.type(schema, child, owner + pascal(key)),
    }));
  }

  /** The type of `node`; `own` when declaring `node` itself (its name would refer to itself). */
  type(schema, node, where, own = false) {
    if (!own) {
      const named = this.names.get(node);
      if (named !== undefined) {
        const ref = { kind: "ref", name: named.name, file: named.schema.file };
        return [node.type ?? []].flat().includes("null") ? union([ref, { kind: "null" }]) : ref;
      }
    }
    if (node.$ref !== undefined) {
      const target = this.resolve(schema, node.$ref);
      return this.type(target.schema, target.node, where);
    }
    if ("const" in node) return { kind: "literal", values: [node.const] };
    if (node.enum !== undefined) return { kind: "literal", values: node.enum };
    if (node.oneOf !== undefined && !onlyRequires(node))
      return union(node.oneOf.map((arm) => this.type(schema, arm, where)));
    if (node.type === undefined) return { kind: "unknown" };
    return union([node.type].flat().map((type) => this.primitive(schema, node, type, where)));
  }

  primitive(schema, node, type, where) {
    switch (type) {
      case "string":
      case "number":
      case "integer":
      case "boolean":
      case "null":
        return { kind: type === "integer" ? "number" : type, integer: type === "integer" };
      case "array":
        return {
          kind: "array",
          item: node.items ? this.type(schema, node.items, where) : { kind: "unknown" },
        };
      case "object": {
        const value = node.additionalProperties;
        if (node.properties !== undefined) throw new Error(`${where}: an unnamed object with properties`);
        return { kind: "record", value: typeof value === "object" ? this.type(schema, value, where) : null };
      }
      default:
        throw new Error(`${schema.file} (${where}): type "${type}" is unknown to scripts/schema-types.mjs`);
    }
  }
}

function union(members) {
  const flat = members.flatMap((member) => (member.kind === "union" ? member.members : [member]));
  // null last, as people write it
  flat.sort((a, b) => (a.kind === "null") - (b.kind === "null"));
  return flat.length === 1 ? flat[0] : { kind: "union", members: flat };
}

// --- text helpers ------------------------------------------------------------------------------------------

/** `text` in lines of at most `width` characters (a longer word stays whole). */
function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// --- TypeScript --------------------------------------------------------------------------------------------

function tsType(type) {
  switch (type.kind) {
    case "ref":
      return type.name;
    case "literal":
      return type.values.map((value) => JSON.stringify(value)).join(" | ");
    case "array": {
      const item = tsType(type.item);
      return type.item.kind === "union" || type.item.kind === "literal" ? `(${item})[]` : `${item}[]`;
    }
    case "record":
      return `Record<string, ${type.value ? tsType(type.value) : "unknown"}>`;
    case "union":
      return type.members.map(tsType).join(" | ");
    case "unknown":
      return "unknown";
    default:
      return type.kind; // string, number, boolean, null
  }
}

function tsDoc(doc, indent) {
  if (!doc) return [];
  const text = doc.replace(/\*\//g, "*\\/");
  if (indent.length + text.length + 7 <= WIDTH) return [`${indent}/** ${text} */`];
  return [
    `${indent}/**`,
    ...wrap(text, WIDTH - indent.length - 3).map((l) => `${indent} * ${l}`),
    `${indent} */`,
  ];
}

function tsDeclaration(decl) {
  const lines = [];
  if (decl.kind === "object") {
    lines.push(...tsDoc(decl.doc, ""), `export interface ${decl.name} {`);
    for (const prop of decl.props) {
      lines.push(...tsDoc(prop.doc, "  "), `  ${prop.key}${prop.required ? "" : "?"}: ${tsType(prop.type)};`);
    }
    lines.push("}");
    return lines;
  }
  if (decl.base !== undefined) {
    lines.push(...tsDeclaration(decl.base), "");
    lines.push(...tsDoc(decl.doc, ""));
    const members = decl.type.members.map(tsType);
    const single = `export type ${decl.name} = ${decl.base.name} & (${members.join(" | ")});`;
    if (single.length <= WIDTH) return [...lines, single];
    return [
      ...lines,
      `export type ${decl.name} = ${decl.base.name} &`,
      "  (",
      ...members.map((m) => `    | ${m}`),
      "  );",
    ];
  }
  lines.push(...tsDoc(decl.doc, ""));
  const members =
    decl.type.kind === "union"
      ? decl.type.members.map(tsType)
      : decl.type.kind === "literal"
        ? decl.type.values.map((value) => JSON.stringify(value))
        : [tsType(decl.type)];
  const single = `export type ${decl.name} = ${members.join(" | ")};`;
  if (single.length <= WIDTH || members.length === 1) return [...lines, single];
  return [
    ...lines,
    `export type ${decl.name} =`,
    ...members.map((m, i) => `  | ${m}${i === members.length - 1 ? ";" : ""}`),
  ];
}

function refsOf(type, into = []) {
  if (type.kind === "ref") into.push(type);
  for (const child of [type.item, type.value, ...(type.members ?? [])]) if (child) refsOf(child, into);
  return into;
}

function declRefs(decl) {
  const types = decl.kind === "object" ? decl.props.map((prop) => prop.type) : [decl.type];
  if (decl.base !== undefined) types.push(...decl.base.props.map((prop) => prop.type));
  return types.flatMap((type) => refsOf(type));
}

function typescriptModule(generator, schema) {
  const decls = generator.decls.get(schema.file);
  const imports = new Map();
  for (const ref of decls.flatMap(declRefs)) {
    if (ref.file === schema.file) continue;
    const from = `./${generator.byFile.get(ref.file).stem}`;
    imports.set(from, new Set([...(imports.get(from) ?? []), ref.name]));
  }
  const header = [
    `/**`,
    ` * Types of schema/${schema.file}, generated by js/scripts/schema-types.mjs: do not edit. Change the schema,`,
    ` * then run \`node scripts/schema-types.mjs\` in js/ (the build runs it first).`,
    ` */`,
  ];
  const importLines = [...imports.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, names]) => `import type { ${[...names].sort().join(", ")} } from "${from}";`);
  const body = decls.map((decl) => tsDeclaration(decl).join("\n"));
  return (
    [header.join("\n"), ...(importLines.length ? [importLines.join("\n")] : []), ...body].join("\n\n") + "\n"
  );
}

// --- Python ------------------------------------------------------------------------------------------------

function pyType(type, used) {
  switch (type.kind) {
    case "ref":
      return type.name;
    case "literal":
      used.add("Literal");
      return `Literal[${type.values.map((value) => pyLiteral(value)).join(", ")}]`;
    case "array":
      return `list[${pyType(type.item, used)}]`;
    case "record":
      if (!type.value) used.add("Any");
      return `dict[str, ${type.value ? pyType(type.value, used) : "Any"}]`;
    case "union":
      return type.members.map((member) => pyType(member, used)).join(" | ");
    case "unknown":
      used.add("Any");
      return "Any";
    case "string":
      return "str";
    case "number":
      return type.integer ? "int" : "float";
    case "boolean":
      return "bool";
    case "null":
      return "None";
    default:
      throw new Error(`no Python type for ${type.kind}`);
  }
}

function pyLiteral(value) {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  return JSON.stringify(value);
}

function pyDocstring(doc, indent) {
  const text = doc.replace(/\\/g, "\\\\").replace(/"""/g, '\\"\\"\\"');
  const closing = text.endsWith('"') ? ' """' : '"""';
  // ruff format keeps a one-line docstring on one line, however long.
  const [head, ...rest] = wrap(text, WIDTH - indent.length - 3);
  if (rest.length === 0) return [`${indent}"""${head}${closing}`];
  const restLines = wrap(rest.join(" "), WIDTH - indent.length);
  return [`${indent}"""${head}`, ...restLines.map((line) => `${indent}${line}`), `${indent}"""`];
}

function pyComment(doc, indent) {
  return doc ? wrap(doc, WIDTH - indent.length - 2).map((line) => `${indent}# ${line}`) : [];
}

/** `head` + the bracketed or |-joined `items`, laid out as ruff format does when it does not fit. */
function pyAssignment(head, items, joiner, open, close) {
  const single = `${head}${open}${items.join(joiner)}${close}`;
  if (single.length <= WIDTH) return [single];
  if (joiner === " | ") return [`${head}(`, ...items.map((item, i) => `    ${i ? "| " : ""}${item}`), ")"];
  const hugged = `    ${items.join(joiner)}`;
  if (hugged.length <= WIDTH) return [`${head}${open}`, hugged, close];
  return [`${head}${open}`, ...items.map((item) => `    ${item},`), close];
}

function pyDeclaration(decl, used) {
  if (decl.kind === "object") {
    used.add("TypedDict");
    const lines = [`class ${decl.name}(TypedDict):`];
    if (decl.doc) lines.push(...pyDocstring(decl.doc, "    "), "");
    for (const prop of decl.props) {
      if (PY_KEYWORDS.has(prop.key) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(prop.key))
        throw new Error(`${decl.name}.${prop.key}: not a Python identifier; extend the generator`);
      let annotation = pyType(prop.type, used);
      if (!prop.required) {
        used.add("NotRequired");
        annotation = `NotRequired[${annotation}]`;
      }
      lines.push(...pyComment(prop.doc, "    "), `    ${prop.key}: ${annotation}`);
    }
    return lines;
  }
  used.add("TypeAlias");
  const head = `${decl.name}: TypeAlias = `;
  const comment = pyComment(decl.doc, "");
  const type = decl.type;
  if (type.kind === "literal") {
    used.add("Literal");
    return [...comment, ...pyAssignment(head, type.values.map(pyLiteral), ", ", "Literal[", "]")];
  }
  if (type.kind === "union")
    return [
      ...comment,
      ...pyAssignment(
        head,
        type.members.map((m) => pyType(m, used)),
        " | ",
        "",
        "",
      ),
    ];
  return [...comment, `${head}${pyType(type, used)}`];
}

/** Files so that a file comes after those it refers to (aliases are evaluated at import). */
function fileOrder(generator) {
  const order = [];
  const seen = new Set();
  const visit = (schema) => {
    if (seen.has(schema.file)) return;
    seen.add(schema.file);
    for (const ref of generator.decls.get(schema.file).flatMap(declRefs))
      if (ref.file !== schema.file) visit(generator.byFile.get(ref.file));
    order.push(schema);
  };
  generator.schemas.forEach(visit);
  return order;
}

function pythonModule(generator) {
  const used = new Set();
  const sections = [];
  for (const schema of fileOrder(generator)) {
    const decls = generator.decls.get(schema.file);
    // Classes first: their annotations are lazy. Aliases are evaluated at import, after what they name.
    const rank = (decl) =>
      decl.kind === "object" ? 1 : decl.type.kind === "union" || decl.type.kind === "ref" ? 2 : 0;
    const ordered = [...decls.flatMap((decl) => (decl.base ? [decl.base, decl] : [decl]))].sort(
      (a, b) => rank(a) - rank(b),
    );
    const blocks = ordered.map((decl) => pyDeclaration(decl, used));
    sections.push({ title: `# --- schema/${schema.file} `.padEnd(WIDTH, "-"), blocks });
  }
  const names = ["Any", "Literal", "NotRequired", "TypeAlias", "TypedDict"].filter((name) => used.has(name));
  const lines = [
    `"""Wire types of schema/*.schema.json, generated by js/scripts/schema-types.mjs: do not edit. Change a schema,`,
    "then run `node scripts/schema-types.mjs` in js/ (its build runs it first).",
    "",
    "A TypedDict per object of the schemas and an alias per union or enum, named as in the TypeScript types",
    "(js/src/schema/generated/): a $defs entry is <prefix><PascalCase key>, e.g. ws.schema.json's ``generate``",
    'is WsGenerate; "exactly one of" rules and patterns stay with the schemas.',
    '"""',
    "",
    "from __future__ import annotations",
    "",
    `from typing import ${names.join(", ")}`,
  ];
  for (const [index, { title, blocks }] of sections.entries()) {
    lines.push(...(index === 0 ? [""] : ["", ""]), title);
    blocks.forEach((block, i) => {
      const classy = block.some((line) => line.startsWith("class "));
      const previousClassy = i > 0 && blocks[i - 1].some((line) => line.startsWith("class "));
      lines.push(...(i === 0 ? [""] : classy || previousClassy ? ["", ""] : [""]), ...block);
    });
  }
  return lines.join("\n") + "\n";
}

// --- entry points ------------------------------------------------------------------------------------------

/** Every generated file's text, by its path in the repository. */
export function generateAll(schemaDir = join(repoDir, "schema")) {
  const generator = new Generator(loadSchemas(schemaDir));
  const files = new Map();
  for (const schema of generator.schemas)
    files.set(`${TS_DIR}/${schema.stem}.ts`, typescriptModule(generator, schema));
  files.set(PY_FILE, pythonModule(generator));
  return files;
}

/** The generated files whose committed text differs from what the schemas generate now (or left over). */
export function staleFiles(root = repoDir) {
  const generated = generateAll(join(root, "schema"));
  const stale = [];
  for (const [path, text] of generated) {
    const file = join(root, path);
    if (!existsSync(file) || readFileSync(file, "utf8") !== text) stale.push(path);
  }
  const tsDir = join(root, TS_DIR);
  const leftOver = existsSync(tsDir) ? readdirSync(tsDir).map((name) => `${TS_DIR}/${name}`) : [];
  return [...stale, ...leftOver.filter((path) => !generated.has(path))];
}

/** Write the generated files under `root` (the repository by default). */
export async function writeAll(root = repoDir) {
  const written = [];
  for (const [path, text] of generateAll()) {
    const file = join(root, path);
    const old = existsSync(file) ? await readFile(file, "utf8") : null;
    if (old === text) continue;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    written.push(path);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === "--check") {
    const stale = staleFiles();
    if (stale.length) {
      console.error(`Stale generated types (run node scripts/schema-types.mjs in js/): ${stale.join(", ")}`);
      process.exit(1);
    }
  } else {
    const out = args[0] === "--out" ? args[1] : undefined;
    const written = await writeAll(out ?? repoDir);
    for (const path of written)
      console.log(`generated ${relative(process.cwd(), join(out ?? repoDir, path))}`);
  }
}
