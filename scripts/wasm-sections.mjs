// Reading a WebAssembly module's binary form: its LEB128 numbers, names and sections. One
// reader for every script that looks inside a module: scripts/wasm-order.mjs (renames the
// functions before wasm-opt), tests/bench/wasm-crates.mjs (which crates the bytes come from)
// and tests/browser/build-output.test.mjs (no custom section ships).
//
// A module that ends inside a number or a section is refused with an error, never read past
// its end.

const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** A position in a module's bytes that reads forward. */
export class Cursor {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }

  /** One byte. */
  byte() {
    if (this.at >= this.bytes.length) throw new Error(`the module ends at byte ${this.at}, inside a value`);
    return this.bytes[this.at++];
  }

  /** An unsigned LEB128 number (sizes, counts, indices). */
  leb() {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  }

  /** A name: its length in bytes, then UTF-8. */
  name() {
    const length = this.leb();
    if (this.at + length > this.bytes.length) throw new Error(`the module ends inside a name at byte ${this.at}`);
    const text = Buffer.from(this.bytes.subarray(this.at, this.at + length)).toString('utf8');
    this.at += length;
    return text;
  }
}

/** The unsigned LEB128 number at `at`, and where the next value starts: `[value, next]`. */
export function leb(bytes, at) {
  const cursor = new Cursor(bytes, at);
  return [cursor.leb(), cursor.at];
}

/** `value` as unsigned LEB128. */
export function encodeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

/**
 * The module's sections in order, each `{ id, start, body, end }`: the section runs from
 * `start` (its id byte) to `end`, its contents from `body`. A custom section (id 0) also has
 * its `name` and `contents`, where what follows the name starts.
 */
export function* sections(bytes) {
  if (bytes.length < 8 || MAGIC.some((byte, i) => bytes[i] !== byte)) throw new Error('not a WebAssembly module');
  const cursor = new Cursor(bytes, 8);
  while (cursor.at < bytes.length) {
    const start = cursor.at;
    const id = cursor.byte();
    const size = cursor.leb();
    const body = cursor.at;
    const end = body + size;
    if (end > bytes.length) throw new Error(`section ${id} at byte ${start} runs past the module's end`);
    const section = { id, start, body, end };
    if (id === 0) {
      section.name = cursor.name();
      section.contents = cursor.at;
    }
    yield section;
    cursor.at = end;
  }
}
