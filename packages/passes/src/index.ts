// Public API of @allo/passes.
export {};
