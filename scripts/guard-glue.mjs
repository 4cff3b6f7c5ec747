// Puts a guard between the wasm-bindgen glue and its WebAssembly module, so that a module
// which traps is stopped for good and `kizuki.js` can draw the crash screen (RELIABILITY.md,
// "crash safety"). The release build aborts at once on a panic (`panic = "immediate-abort"`:
// a bare `unreachable` trap, no Rust panic hook), so nothing inside the module can react:
// the glue is the one place every call into the module passes (its `wasm.<export>(…)`:
// `mount`, `destroy`, every event listener, promise callback and timer the module
// registered, the allocator calls that pass strings in).
//
// The guard wraps each exported function. A call that does not return (a trap, a stack
// overflow, or a JavaScript exception thrown across the module's frames: its stack pointer,
// allocator and borrow flags may be mid-change) stops the module: the listeners given to the
// glue's new export `onTrap(listener)` hear the error once, synchronously, and every later
// call throws an Error named `KizukiModuleStopped` without entering the module. Errors a
// module returns (`Result<_, JsError>`) are thrown by the glue after the call has returned,
// so they never stop it.
//
//   node scripts/guard-glue.mjs GLUE.js...     rewrites each file in place
//
// Used by scripts/build.sh on each kit's glue, right after wasm-bindgen, in release and dev
// builds alike. Fails (exit 1) when the glue does not have the one line it patches, e.g.
// after a wasm-bindgen upgrade changed its shape.

import { readFileSync, writeFileSync } from 'node:fs';

const HOOK = 'wasm = instance.exports;';
const MARK = '/* kizuki guard */';

const GUARD = `
${MARK}
let __kizukiStopped = null;
const __kizukiTrapListeners = [];
/** Calls \`listener(error)\` once if a call into this module traps; from then on the module is stopped. */
export function onTrap(listener) {
    __kizukiTrapListeners.push(listener);
}
function __kizukiGuard(exports) {
    const guarded = {};
    for (const [name, value] of Object.entries(exports)) {
        if (typeof value !== 'function') {
            guarded[name] = value;
            continue;
        }
        guarded[name] = (...args) => {
            if (__kizukiStopped) {
                const stopped = new Error('Kizuki: this module stopped after an error; reload the page');
                stopped.name = 'KizukiModuleStopped';
                throw stopped;
            }
            try {
                return value(...args);
            } catch (error) {
                if (!__kizukiStopped) {
                    __kizukiStopped = error;
                    for (const listener of __kizukiTrapListeners) {
                        try {
                            listener(error);
                        } catch (failure) {
                            console.error(failure);
                        }
                    }
                }
                throw error;
            }
        };
    }
    return guarded;
}
`;

export function guardGlue(source) {
  if (source.includes(MARK)) throw new Error('the glue is already guarded');
  const at = source.indexOf(HOOK);
  if (at < 0 || source.indexOf(HOOK, at + 1) >= 0) {
    throw new Error(`the glue must hold "${HOOK}" exactly once (in __wbg_finalize_init); has wasm-bindgen changed?`);
  }
  return source.replace(HOOK, 'wasm = __kizukiGuard(instance.exports);') + GUARD;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = false;
  for (const file of process.argv.slice(2)) {
    try {
      writeFileSync(file, guardGlue(readFileSync(file, 'utf8')));
    } catch (error) {
      console.error(`${file}: ${error.message}`);
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
}
