import { describe, expect, it } from 'vitest';
import { attributes, decodeEntities, formBody, parseForms } from './forms';

const page = `<main><form action="" method="POST" enctype="multipart/form-data"><input type="hidden" name="$ACTION_REF_1"/>
<input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;abc&quot;}"/><input type="hidden" name="step" value="about">
<input type="text" name="newNameFa" value="typed"><button type="submit" name="intent" value="next">Next</button>
<button type="submit" name="intent" value="later">Later</button></form>
<form action="/other"><input type="hidden" name="token" value='t&amp;1'></form></main>`;

describe('the bench no-JavaScript form reader', () => {
  it('decodes entities and reads attributes in any quoting', () => {
    expect(decodeEntities('&quot;a&quot; &amp; &#x27;b&#39; &lt;')).toBe(`"a" & 'b' <`);
    expect(attributes(`<input type=hidden name='n' value="v&amp;w" disabled>`)).toEqual({ type: 'hidden', name: 'n', value: 'v&w', disabled: '' });
  });

  it('takes each form with its hidden fields only, in order, and its buttons', () => {
    const [first, second] = parseForms(page);
    expect(first!.fields).toEqual([['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":"abc"}'], ['step', 'about']]);
    expect(first!.buttons.map((b) => b.value)).toEqual(['next', 'later']);
    expect(second).toMatchObject({ action: '/other', fields: [['token', 't&1']] });
  });

  it('posts the matching form with what was typed and the pressed button; a missing form or button throws', () => {
    const { body } = formBody(page, { name: 'step', value: 'about' }, { newNameFa: 'نوید', newAftermath: ['a', 'b'] }, { name: 'intent', value: 'next' });
    expect([...body.entries()]).toEqual([['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":"abc"}'], ['step', 'about'], ['newNameFa', 'نوید'], ['newAftermath', 'a'], ['newAftermath', 'b'], ['intent', 'next']]);
    expect(formBody(page, { name: 'token' }).action).toBe('/other');
    expect(() => formBody(page, { name: 'step', value: 'account' })).toThrow(/no form/);
    expect(() => formBody(page, { name: 'step' }, {}, { name: 'intent', value: 'submit' })).toThrow(/no button/);
  });
});
