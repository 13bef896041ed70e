// The allo-translate driver: parse and verify MLIR, then translate it to another language (Vitis HLS C++).
import type { Diagnostic, Operation } from "@allo/ir-core";
import { emitHls } from "@allo/target-hls";
import { runOpt, type OptResult } from "./opt-main.js";

/// Options a translation may read.
export interface TranslateOptions {
  /// `--hls-top`: the top function of the HLS design ("" = choose).
  readonly hlsTop: string;
}

/// One translation: `--name` on the command line; returns the output text, or null after reporting errors.
export interface Translation {
  readonly name: string;
  readonly help: string;
  run(module: Operation, emit: (d: Diagnostic) => void, options: TranslateOptions): string | null;
}

/// The registered translations, by flag name.
export const translations: readonly Translation[] = [
  {
    name: "mlir-to-hls",
    help: "Translate MLIR (hw designs, func/affine/scf code) to Vitis HLS C++",
    run(module, emit, options) {
      const r = emitHls(module, options.hlsTop !== "" ? { top: options.hlsTop } : {});
      r.diagnostics.forEach(emit);
      return r.ok ? r.cpp : null;
    },
  },
];

/// Options of one allo-translate run.
export interface TranslateRun {
  readonly inputName: string;
  readonly inputText: string;
  readonly translation: Translation;
  /// The marker to split the input at, or null.
  readonly splitInputFile: string | null;
  readonly outputSplitMarker: string;
  readonly verifyDiagnostics: boolean;
  readonly allowUnregistered: boolean;
  readonly noImplicitModule: boolean;
  readonly options: TranslateOptions;
}

/// Translates the input (each split chunk separately) as mlir-translate does.
export function runTranslate(o: TranslateRun): OptResult {
  let text = "";
  return runOpt({
    inputName: o.inputName, inputText: o.inputText, splitInputFile: o.splitInputFile, outputSplitMarker: o.outputSplitMarker, verifyDiagnostics: o.verifyDiagnostics,
    printOpOnDiagnostic: true, print: {}, allowUnregistered: o.allowUnregistered, noImplicitModule: o.noImplicitModule,
    transform: (module, emit) => {
      const out = o.translation.run(module, emit, o.options);
      text = out ?? "";
      return out !== null;
    },
    emit: () => text,
  });
}
