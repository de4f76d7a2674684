// The suggester over realistic text (issue 15): ordinary testimony sentences — streets, alleys,
// hospitals, dates, cities, ages, hours — must flag nothing (a false "address" that a moderator
// trusts would cut a family's words), and real address, phone, national-ID, postal-code and plate
// shapes, in Persian and Latin digits, must all be flagged. And a suggestion is only applied when
// it is ticked.
import { describe, expect, it } from 'vitest';
import { applyRedactions, isTicked, suggestRedactions, type RedactionKind } from './redaction';

const ordinaryPersian = [
  'خیابان رفته بود و دیگر برنگشت.',
  'آن روز رفته بود خیابان، مثل همه‌ی جوان‌های محل.',
  'کوچه‌مان شلوغ بود و صدای تیر از سر خیابان می‌آمد.',
  'مادرش گفت که او فقط برای خرید نان از خانه بیرون رفت.',
  'در ۲۵ آبان ۱۳۹۸ ساعت حدود پنج عصر به خیابان آزادی رسیدیم.',
  'او را به بیمارستان امام خمینی بردند، اما دیر شده بود.',
  'سه روز بعد پیکرش را در سردخانه‌ی بیمارستان پیدا کردیم.',
  'برادرم ۱۹ ساله بود و دانشجوی مهندسی در دانشگاه تهران.',
  'در شهریار، مردم از صبح در میدان اصلی جمع شده بودند.',
  'ما در کرمانشاه زندگی می‌کردیم و پدرم راننده‌ی تاکسی بود.',
  'نیروهای یگان ویژه از دو طرف خیابان به جمعیت حمله کردند.',
  'در بلوار کشاورز ماشین‌ها را رها کرده بودند و کسی جلو نمی‌رفت.',
  'کوچه پر از دود گاز اشک‌آور بود و بچه‌ها گریه می‌کردند.',
  'همسایه‌ها در کوچه ایستاده بودند و کسی جرئت نداشت جلو برود.',
  'خیابان‌ها تا نیمه‌شب بسته بود و اینترنت هم قطع شد.',
  'در ماهشهر، در نیزارها به سوی مردم تیراندازی کردند.',
  'پدرش را دو بار به اداره‌ی اطلاعات احضار کردند.',
  'برای تحویل پیکر از ما پول گلوله خواستند.',
  'پیکر را تحویل ندادند و گفتند باید بی‌صدا خاک‌سپاری کنیم.',
  'او را در بهشت زهرا به خاک سپردیم، بی‌آنکه مراسمی بگیریم.',
  'خواهرم از طبقه‌ی بالا دید که او در خیابان افتاده است.',
  'ساعت ۳ بعدازظهر بود که خبر را تلفنی به ما دادند.',
  'ما از شیراز با اتوبوس به اصفهان رفتیم تا پیکر را ببینیم.',
  'دوستانش می‌گفتند او جلوی پمپ بنزین ایستاده بود.',
  'وقتی به سر کوچه رسید، مأموران لباس‌شخصی او را گرفتند.',
  'بیست روز در بازداشت بود و هیچ خبری از او نداشتیم.',
  'در بیمارستان گفتند گلوله به قفسه‌ی سینه‌اش خورده است.',
  'پسرم فقط ۱۶ سال داشت و کلاس دهم بود.',
  'مردم در میدان انقلاب شعار می‌دادند و ماشین‌ها بوق می‌زدند.',
  'آن شب برق محله هم رفت و همه جا تاریک بود.',
  'از خیابان ولیعصر تا میدان ونک پیاده رفتیم.',
  'در سال ۱۳۹۸ سه نفر از اهالی محله‌ی ما کشته شدند.',
  'او در خیابان کارگر شمالی کار می‌کرد و هر روز از آنجا می‌گذشت.',
  'کوچه‌ی ما بن‌بست بود و راه فراری نداشتیم.',
  'بعد از ۴۰ روز، ما را به دادگاه انقلاب خواستند.',
  'در ۲۷ آبان، سومین روز اعتراضات، او زخمی شد.',
  'دکتر گفت اگر ۱۰ دقیقه زودتر آورده بودیم زنده می‌ماند.',
  'من در اهواز بودم و خواهرم در تهران، هر دو بی‌خبر از هم.',
  'پلیس راهنمایی و رانندگی چهارراه را بسته بود.',
  'بچه‌های محل در خیابان اصلی آتش روشن کرده بودند.',
  'شنیدیم که در طبقه‌ی سوم ساختمان کسی فیلم می‌گرفت.',
  'از پشت بام دیدیم که مأموران به طرف کوچه دویدند.',
  'او به خیابان رفته بود تا برادر کوچکش را به خانه برگرداند.',
  'پدرم ۶۲ سال داشت و بازنشسته‌ی آموزش و پرورش بود.',
  'در سنندج کسبه مغازه‌ها را بستند و به خیابان آمدند.',
  'روز بعد در شبکه‌ی خبر گفتند اغتشاشگران کشته شده‌اند، که دروغ بود.',
  'به ما گفتند اگر مصاحبه کنیم، پسر دیگرمان را هم می‌برند.',
  'در خیابان ۱۷ شهریور جمعیت زیادی جمع شده بود.',
  'او را در کوچه‌ای نزدیک مسجد محل با گلوله زدند.',
  'صبح روز ۲۶ آبان با چند نفر از همکارانش به خیابان رفت.',
  'در بیمارستان لقمان، پرستاری به ما گفت که صبر کنیم.',
  'ساعت ۸ شب بود و خیابان کاملاً خالی شده بود.',
  'دو سال است که هر هفته سر مزارش در بهشت زهرا می‌رویم.',
  'در کوی دانشگاه دانشجویان را محاصره کرده بودند.',
  'On 16 November 2019 we marched down Azadi Street with our neighbours.',
  'He worked at the hospital on Keshavarz Boulevard for 12 years.',
];

const flagged: [string, RedactionKind, string][] = [
  ['خانه‌شان در خیابان آزادی، کوچه ۱۲، پلاک ۴۵ بود.', 'address', 'خیابان آزادی، کوچه ۱۲، پلاک ۴۵'],
  ['نشانی: کوچه ۱۲، پلاک ۴۵', 'address', 'کوچه ۱۲، پلاک ۴۵'],
  ['او در پلاک ۸ زندگی می‌کرد.', 'address', 'پلاک ۸'],
  ['کوچه شهید رضایی، پلاک ۳۲، طبقه ۲', 'address', 'کوچه شهید رضایی، پلاک ۳۲، طبقه ۲'],
  ['بلوار کشاورز، کوچه ۷، پلاک ۱۱، واحد ۳', 'address', 'بلوار کشاورز، کوچه ۷، پلاک ۱۱، واحد ۳'],
  ['خیابان ستارخان بن‌بست ۴ پلاک ۲', 'address', 'خیابان ستارخان بن‌بست ۴ پلاک ۲'],
  ['شهرک غرب، فاز ۲، بلوک ۱۴، واحد ۶', 'address', 'شهرک غرب، فاز ۲، بلوک ۱۴، واحد ۶'],
  ['میدان ونک، خیابان ملاصدرا، پلاک 17', 'address', 'میدان ونک، خیابان ملاصدرا، پلاک 17'],
  ['منزل ما کوچه 5 پلاک 12 است', 'address', 'کوچه 5 پلاک 12'],
  ['آپارتمان ۲۱ طبقه ۴', 'address', 'آپارتمان ۲۱ طبقه ۴'],
  ['پلاک ۱۲/۳ را نوشته بود', 'address', 'پلاک ۱۲/۳'],
  ['پلاک شماره ۹', 'address', 'پلاک شماره ۹'],
  ['They lived at 12 Azadi Street, No. 4.', 'address', '12 Azadi Street, No. 4'],
  ['Keshavarz Boulevard, Alley 7, No. 11', 'address', 'Keshavarz Boulevard, Alley 7, No. 11'],
  ['in Alley 5 near the mosque', 'address', 'Alley 5'],
  ['Flat 3, Block 14 of the estate', 'address', 'Flat 3, Block 14'],
  ['شماره‌اش 0912 123 4567 است.', 'phone', '0912 123 4567'],
  ['با ۰۹۱۲۱۲۳۴۵۶۷ تماس بگیرید', 'phone', '۰۹۱۲۱۲۳۴۵۶۷'],
  ['تلفن خانه ۰۲۱-۶۶۴۴۳۳۲۲ است', 'phone', '۰۲۱-۶۶۴۴۳۳۲۲'],
  ['موبایل مادرش +98 935 765 4321 بود', 'phone', '+98 935 765 4321'],
  ['۰۹۳۵ ۷۶۵ ۴۳۲۱ را جواب نداد', 'phone', '۰۹۳۵ ۷۶۵ ۴۳۲۱'],
  ['call 0098 912 555 1234 after ten', 'phone', '0098 912 555 1234'],
  ['کد ملی او ۰۰۱۲۳۴۵۶۷۹ بود', 'national_id', '۰۰۱۲۳۴۵۶۷۹'],
  ['کد ملی: 4488521134', 'national_id', '4488521134'],
  ['شماره ملی ۱۲۳۴۵۶۷۸۹۰ در کارت بود', 'national_id', '۱۲۳۴۵۶۷۸۹۰'],
  ['his national ID 0012345679 was on the form', 'national_id', '0012345679'],
  ['کد پستی ۱۵۸۷۶۵۴۳۲۱ را نوشتم', 'postal_code', '۱۵۸۷۶۵۴۳۲۱'],
  ['کدپستی: 1587654321', 'postal_code', '1587654321'],
  ['کد پستی ۱۴۳۵۶-۷۸۹۱۲', 'postal_code', '۱۴۳۵۶-۷۸۹۱۲'],
  ['postal code 14356 78912', 'postal_code', '14356 78912'],
  ['ماشینش پلاک ۲۲ ج ۳۳۳ ایران ۴۴ بود', 'plate', '۲۲ ج ۳۳۳ ایران ۴۴'],
  ['پراید ۱۲ب۳۴۵ ایران ۶۷ را بردند', 'plate', '۱۲ب۳۴۵ ایران ۶۷'],
  ['the car 12 B 345 - 67 was towed', 'plate', '12 B 345 - 67'],
  ['ایمیلش ali.rezaei@example.com بود', 'email', 'ali.rezaei@example.com'],
];

describe('ordinary testimony sentences flag nothing', () => {
  it(`the corpus has at least 50 Persian sentences (${ordinaryPersian.length})`, () => {
    expect(ordinaryPersian.filter((s) => /[\u0600-\u06FF]/.test(s)).length).toBeGreaterThanOrEqual(50);
  });
  it.each(ordinaryPersian)('%s', (sentence) => {
    expect(suggestRedactions(sentence)).toEqual([]);
  });
});

describe('real address, phone, ID, postal-code and plate shapes are all flagged', () => {
  it(`at least 30 shapes (${flagged.length})`, () => {
    expect(flagged.length).toBeGreaterThanOrEqual(30);
  });
  it.each(flagged)('%s → %s', (text, kind, span) => {
    expect(suggestRedactions(text).map((s) => [s.kind, s.text])).toEqual([[kind, span]]);
  });
});

describe('a suggestion is only a suggestion', () => {
  const text = 'آن روز رفته بود خیابان. شماره‌اش ۰۹۱۲۱۲۳۴۵۶۷ بود و خانه‌شان کوچه ۱۲، پلاک ۴۵.';
  const suggestions = suggestRedactions(text);

  it('finds the phone number and the address', () => {
    expect(suggestions.map((s) => s.kind)).toEqual(['phone', 'address']);
  });

  it('an unticked suggestion never changes the text', () => {
    const [phone, address] = suggestions as [(typeof suggestions)[0], (typeof suggestions)[0]];
    const onlyPhone = applyRedactions(text, [phone], 'fa');
    expect(onlyPhone).toContain(address.text);
    expect(onlyPhone).not.toContain(phone.text);
    expect(applyRedactions(text, [], 'fa')).toBe(text);
  });

  it('unticking restores: applying again without it gives its words back', () => {
    const both = applyRedactions(text, suggestions, 'fa');
    expect(both).not.toContain('۰۹۱۲۱۲۳۴۵۶۷');
    const again = applyRedactions(text, suggestions.slice(1), 'fa');
    expect(again).toContain('۰۹۱۲۱۲۳۴۵۶۷');
  });

  it('boxes are offered ticked before any save and afterwards show what the save applied', () => {
    const [phone, address] = suggestions as [(typeof suggestions)[0], (typeof suggestions)[0]];
    expect(isTicked(phone, null)).toBe(true);
    const saved = applyRedactions(text, [address], 'fa');
    expect(isTicked(phone, saved)).toBe(false);
    expect(isTicked(address, saved)).toBe(true);
  });
});
