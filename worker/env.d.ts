declare module '*.geojson?raw' {
  const text: string;
  export default text;
}
