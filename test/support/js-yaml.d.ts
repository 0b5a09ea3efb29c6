// js-yaml 3 ships no types; only what the compose test reads.
declare module 'js-yaml' {
  const yaml: { safeLoad(text: string): unknown };
  export default yaml;
}
