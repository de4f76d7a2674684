// The caption's length limit, apart from the schemas: the upload form shows it on first paint
// without bringing zod into the page's first script.
export const captionMaxLength = 500;
