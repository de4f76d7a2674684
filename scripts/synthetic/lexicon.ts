// Word lists for synthetic benchmark data (npm run db:generate-data). Common Iranian given names and
// surnames with the Latin spellings they really appear under (the first is the most common), so
// search is measured against the spelling variation it must tolerate. Cities are real places in
// each province (lib/geo/provinces.ts codes). Nothing here names a real victim.
import type { ProvinceCode } from '@/lib/geo/provinces';

export type Name = { fa: string; latin: readonly string[] };
const n = (fa: string, ...latin: string[]): Name => ({ fa, latin });

export const maleNames: readonly Name[] = [
  n('محمد', 'Mohammad', 'Mohamad', 'Muhammad', 'Mohammed'), n('علی', 'Ali'), n('حسین', 'Hossein', 'Hosein', 'Hussein', 'Husain'),
  n('رضا', 'Reza'), n('مهدی', 'Mahdi', 'Mehdi'), n('امیر', 'Amir'), n('حمید', 'Hamid'), n('سعید', 'Saeed', 'Said', 'Saied'),
  n('امید', 'Omid', 'Omeed'), n('پویا', 'Pouya', 'Pooya', 'Puya'), n('جواد', 'Javad'), n('مجید', 'Majid'), n('وحید', 'Vahid', 'Wahid'),
  n('قاسم', 'Ghasem', 'Qasem', 'Qassem'), n('ابراهیم', 'Ebrahim', 'Ibrahim'), n('مصطفی', 'Mostafa', 'Mustafa'),
  n('یوسف', 'Yousef', 'Yusef', 'Yousof'), n('کیان', 'Kian'), n('آرش', 'Arash'), n('بهنام', 'Behnam'), n('فرزاد', 'Farzad'),
  n('میلاد', 'Milad'), n('پژمان', 'Pejman', 'Pezhman'), n('نوید', 'Navid'), n('سجاد', 'Sajjad', 'Sajad'), n('عرفان', 'Erfan'),
  n('حامد', 'Hamed'), n('مهران', 'Mehran'), n('اکبر', 'Akbar'), n('محسن', 'Mohsen'), n('بابک', 'Babak'), n('فرهاد', 'Farhad'),
  n('امیرحسین', 'Amirhossein', 'Amir Hossein', 'Amirhosein'), n('محمدرضا', 'Mohammadreza', 'Mohammad Reza', 'Mohamadreza'),
  n('ابوالفضل', 'Abolfazl', 'Abolfazel'), n('مرتضی', 'Morteza'), n('حسن', 'Hassan', 'Hasan'), n('کاوه', 'Kaveh', 'Kave'),
];

export const femaleNames: readonly Name[] = [
  n('فاطمه', 'Fatemeh', 'Fateme', 'Fatima'), n('زهرا', 'Zahra'), n('مریم', 'Maryam', 'Mariam'), n('نسرین', 'Nasrin'),
  n('شیرین', 'Shirin'), n('سارا', 'Sara', 'Sarah'), n('نگار', 'Negar'), n('مینا', 'Mina'), n('لیلا', 'Leila', 'Leyla', 'Layla'),
  n('پریسا', 'Parisa'), n('آزاده', 'Azadeh', 'Azade'), n('نرگس', 'Narges'), n('ستاره', 'Setareh', 'Setare'),
  n('معصومه', 'Masoumeh', 'Masumeh', 'Masoume'), n('سمیه', 'Somayeh', 'Somaye'), n('نیلوفر', 'Niloufar', 'Niloofar', 'Nilufar'),
  n('مهسا', 'Mahsa'), n('هانیه', 'Haniyeh', 'Hanieh'), n('الهام', 'Elham'), n('ژیلا', 'Zhila', 'Jila'),
];

export const surnames: readonly Name[] = [
  n('قلی‌پور', 'Gholipour', 'Gholipur', 'Qolipour'), n('حسینی', 'Hosseini', 'Hosseyni', 'Husseini'), n('محمدی', 'Mohammadi', 'Mohamadi'),
  n('رضایی', 'Rezaei', 'Rezaee', 'Rezai'), n('احمدی', 'Ahmadi'), n('کریمی', 'Karimi'), n('موسوی', 'Mousavi', 'Musavi', 'Moosavi'),
  n('جعفری', 'Jafari', 'Jaafari', "Ja'fari"), n('قاسمی', 'Ghasemi', 'Qasemi', 'Ghassemi'), n('رحیمی', 'Rahimi'),
  n('صادقی', 'Sadeghi', 'Sadeqi'), n('کاظمی', 'Kazemi'), n('نوری', 'Nouri', 'Noori', 'Nuri'), n('عباسی', 'Abbasi', 'Abasi'),
  n('زارعی', 'Zarei', 'Zareie'), n('یزدانی', 'Yazdani'), n('سلیمانی', 'Soleimani', 'Soleymani'), n('نجفی', 'Najafi'),
  n('طاهری', 'Taheri'), n('بهرامی', 'Bahrami'), n('شریفی', 'Sharifi'), n('فرهادی', 'Farhadi'), n('امیری', 'Amiri'),
  n('حیدری', 'Heydari', 'Heidari', 'Haydari'), n('اسدی', 'Asadi'), n('کرمانی', 'Kermani'), n('تهرانی', 'Tehrani'),
  n('شیرازی', 'Shirazi'), n('خسروی', 'Khosravi'), n('میرزایی', 'Mirzaei', 'Mirzaee', 'Mirzai'),
  n('حسن‌زاده', 'Hassanzadeh', 'Hasanzadeh', 'Hassanzade'), n('علی‌زاده', 'Alizadeh', 'Alizade'), n('عبداللهی', 'Abdollahi', 'Abdolahi'),
  n('باقری', 'Bagheri', 'Baqeri'), n('اکبری', 'Akbari'), n('نظری', 'Nazari'), n('صالحی', 'Salehi'), n('مرادی', 'Moradi'),
  n('قربانی', 'Ghorbani', 'Qorbani'), n('جمشیدی', 'Jamshidi'), n('پورمحمدی', 'Pourmohammadi', 'Purmohammadi'),
  n('یوسفی', 'Yousefi', 'Yusefi'), n('عزیزی', 'Azizi'), n('کیانی', 'Kiani', 'Kiyani'), n('ملکی', 'Maleki'),
  n('شجاعی', 'Shojaei', 'Shojaee'), n('درویشی', 'Darvishi'), n('بختیاری', 'Bakhtiari', 'Bakhtiyari'), n('بلوچی', 'Baluchi', 'Balouchi'),
  n('رستمی', 'Rostami'), n('کاکایی', 'Kakaei', 'Kakaee'), n('ساعدی', 'Saedi', "Sa'edi"),
];

/** Real cities per province: [Persian, Latin]. The first is the capital. */
export const cities: Record<ProvinceCode, ReadonlyArray<readonly [string, string]>> = {
  'IR-00': [['اراک', 'Arak'], ['ساوه', 'Saveh']],
  'IR-01': [['رشت', 'Rasht'], ['بندر انزلی', 'Bandar Anzali']],
  'IR-02': [['ساری', 'Sari'], ['آمل', 'Amol'], ['بابل', 'Babol']],
  'IR-03': [['تبریز', 'Tabriz'], ['مراغه', 'Maragheh']],
  'IR-04': [['ارومیه', 'Urmia'], ['مهاباد', 'Mahabad'], ['بوکان', 'Bukan']],
  'IR-05': [['کرمانشاه', 'Kermanshah'], ['جوانرود', 'Javanrud'], ['اسلام‌آباد غرب', 'Eslamabad-e Gharb']],
  'IR-06': [['اهواز', 'Ahvaz'], ['ماهشهر', 'Mahshahr'], ['آبادان', 'Abadan'], ['بهبهان', 'Behbahan']],
  'IR-07': [['شیراز', 'Shiraz'], ['کازرون', 'Kazerun'], ['مرودشت', 'Marvdasht']],
  'IR-08': [['کرمان', 'Kerman'], ['سیرجان', 'Sirjan']],
  'IR-09': [['مشهد', 'Mashhad'], ['نیشابور', 'Neyshabur']],
  'IR-10': [['اصفهان', 'Isfahan'], ['شاهین‌شهر', 'Shahin Shahr'], ['نجف‌آباد', 'Najafabad']],
  'IR-11': [['زاهدان', 'Zahedan'], ['چابهار', 'Chabahar']],
  'IR-12': [['سنندج', 'Sanandaj'], ['مریوان', 'Marivan']],
  'IR-13': [['همدان', 'Hamadan']],
  'IR-14': [['شهرکرد', 'Shahrekord']],
  'IR-15': [['خرم‌آباد', 'Khorramabad'], ['بروجرد', 'Borujerd']],
  'IR-16': [['ایلام', 'Ilam']],
  'IR-17': [['یاسوج', 'Yasuj']],
  'IR-18': [['بوشهر', 'Bushehr']],
  'IR-19': [['زنجان', 'Zanjan']],
  'IR-20': [['سمنان', 'Semnan']],
  'IR-21': [['یزد', 'Yazd']],
  'IR-22': [['بندرعباس', 'Bandar Abbas']],
  'IR-23': [['تهران', 'Tehran'], ['اسلامشهر', 'Eslamshahr'], ['شهریار', 'Shahriar'], ['قدس', 'Qods'], ['ملارد', 'Malard']],
  'IR-24': [['اردبیل', 'Ardabil']],
  'IR-25': [['قم', 'Qom']],
  'IR-26': [['قزوین', 'Qazvin']],
  'IR-27': [['گرگان', 'Gorgan']],
  'IR-28': [['بجنورد', 'Bojnurd']],
  'IR-29': [['بیرجند', 'Birjand']],
  'IR-30': [['کرج', 'Karaj'], ['فردیس', 'Fardis']],
};

/** Relative weights of provinces among records (the most affected first). */
export const provinceWeights: Partial<Record<ProvinceCode, number>> = {
  'IR-23': 30, 'IR-06': 18, 'IR-05': 10, 'IR-10': 8, 'IR-07': 8, 'IR-30': 8, 'IR-04': 4, 'IR-12': 4, 'IR-09': 3,
};

export const occupations = ['student', 'worker', 'driver', 'shopkeeper', 'teacher', 'nurse', 'farmer', 'unemployed', 'engineer', 'labourer', 'clerk', 'retired'] as const;

/** Slots: {name} person's first name, {city} city, {day} day in November, {street} a street. */
export const narrativeSentences = {
  fa: [
    '{name} عصر روز {day} آبان از خانه بیرون رفت و دیگر برنگشت.',
    'ما تا ساعت‌ها در بیمارستان‌های {city} دنبال {name} گشتیم و کسی جواب نمی‌داد.',
    'نیروهای لباس‌شخصی در خیابان {street} به سمت جمعیت شلیک کردند.',
    'چند روز بعد به ما گفتند که پیکر را فقط با شرط سکوت تحویل می‌دهند.',
    'اینترنت قطع بود و نمی‌توانستیم به کسی خبر بدهیم.',
    'همسایه‌ها دیدند که او را سوار ماشین کردند و بردند.',
    'مادرش هنوز هر هفته سر مزار می‌رود و کسی حق ندارد عکسش را منتشر کند.',
    'در نزدیکی پمپ بنزین خیابان {street} صدای تیراندازی شنیدیم.',
    'او فقط برای خرید نان بیرون رفته بود و در اعتراض‌ها نبود.',
    'ماموران به خانواده فشار آوردند که در تلویزیون بگویند او را اغتشاشگران کشته‌اند.',
    'برادرش را هم چند هفته بعد بازداشت کردند و هنوز خبری از او نداریم.',
    '{name} بیست روز در بازداشتگاه بود و بعد با وثیقه آزاد شد.',
    'پزشکی قانونی علت مرگ را اصابت گلوله به سر نوشت.',
    'اجازه ندادند مراسم چهلم برگزار کنیم و جلوی مسجد مامور گذاشتند.',
    'در {city} خیابان‌ها پر از دود بود و مردم به خانه‌ها پناه می‌بردند.',
    'من پرستار بودم و آن شب بیش از ده زخمی را به بخش اورژانس آوردند.',
    'از ما پول گلوله خواستند تا پیکر را تحویل بدهند.',
    '{name} دانشجو بود و آرزو داشت مهندس شود.',
    'هنوز پرونده‌ای باز نشده و هیچ‌کس پاسخگو نبوده است.',
    'ما چندین بار به دادسرای {city} رفتیم اما جوابی ندادند.',
  ],
  en: [
    '{name} left home on the afternoon of {day} November and never came back.',
    'We searched the hospitals of {city} for hours and nobody would tell us anything.',
    'Plainclothes forces opened fire on the crowd on {street} street.',
    'A few days later we were told the body would be released only if we stayed silent.',
    'The internet was cut off and we could not tell anyone what was happening.',
    'Neighbours saw them push him into a car and drive away.',
    'His mother still visits the grave every week; we are not allowed to publish his photo.',
    'We heard shooting near the petrol station on {street} street.',
    'She had only gone out to buy bread; she was not part of the protest.',
    'Officers pressured the family to say on television that rioters had killed him.',
    'His brother was arrested a few weeks later and we still have no news of him.',
    '{name} spent twenty days in detention and was released on bail.',
    'The coroner wrote that the cause of death was a gunshot wound to the head.',
    'We were not allowed to hold the fortieth-day ceremony; agents stood outside the mosque.',
    'In {city} the streets were full of smoke and people ran into houses for shelter.',
    'I was a nurse and that night more than ten wounded people were brought to the emergency ward.',
    'They demanded that we pay for the bullets before they would hand over the body.',
    '{name} was a student who dreamed of becoming an engineer.',
    'No case has been opened and nobody has been held responsible.',
    'We went to the prosecutor’s office in {city} several times and never got an answer.',
  ],
} as const;

export const streets = {
  fa: ['آزادی', 'ستارخان', 'انقلاب', 'جمهوری', 'کارگر', 'ولیعصر', 'شهدا', 'امام', 'کمربندی', 'بهار', 'فردوسی', 'حافظ', 'سعدی', 'پاسداران', 'نارمک'],
  en: ['Azadi', 'Sattarkhan', 'Enghelab', 'Jomhouri', 'Kargar', 'Valiasr', 'Shohada', 'Emam', 'Kamarbandi', 'Bahar', 'Ferdowsi', 'Hafez', 'Saadi', 'Pasdaran', 'Narmak'],
} as const;
