// Registers every dialect the tools know (import for side effects).
import "@allo/dialect-std";
