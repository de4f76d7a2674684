// The terms the downloads and the API carry. Product decision pending (see the data page): person
// records and statistics are offered under CC BY 4.0 — cite "Yadman" and the record's URL.
export const dataLicence = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Yadman — a memorial of the November 2019 uprising',
} as const;
