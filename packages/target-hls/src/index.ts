// Public API of @allo/target-hls.
export {};
