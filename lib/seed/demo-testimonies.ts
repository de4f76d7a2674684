// Demo testimonies: at least one in every lifecycle state (PRODUCT.md §4), in Persian and English.
// All text is invented and says so.
type Status =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'changes_requested'
  | 'published'
  | 'rejected'
  | 'withdrawn'
  | 'unpublished';

export type DemoRevision = {
  narrative: string;
  redacted?: string;
  relationship: 'mother' | 'father' | 'sibling' | 'spouse' | 'friend' | 'eyewitness' | 'medic' | 'journalist';
  hand: 'first' | 'second';
  place: string;
};

export type DemoTestimony = {
  status: Status;
  language: 'fa' | 'en';
  persons: string[]; // person slugs
  revisions: DemoRevision[];
  /** Index of the revision the public sees (published/unpublished only). */
  publishedRevision?: number;
  credit?: 'anonymous' | 'relationship' | 'chosen_name';
  message?: string;
  rejectReason?: 'not_credible';
  /** Consent to public view for a testimony not yet published (published ones always have it). */
  publishConsent?: 'public';
};

const faNote = 'این روایت ساختگی و فقط برای نمایش است.';
const enNote = 'This account is invented, for demonstration only.';

export const demoTestimonies: DemoTestimony[] = [
  {
    status: 'draft',
    language: 'fa',
    persons: ['demo-mina-example'],
    revisions: [{ narrative: `پیش‌نویس: خواهرم را در راه خانه بازداشت کردند. ${faNote}`, relationship: 'sibling', hand: 'first', place: 'تبریز' }],
  },
  {
    status: 'submitted',
    language: 'en',
    persons: ['demo-farhad-example'],
    // A phone number for moderation to redact (the moderation e2e test follows it to the public page).
    revisions: [{ narrative: `I saw him fall near the square in the afternoon. You can reach me on 0912 345 6789. ${enNote}`, relationship: 'eyewitness', hand: 'first', place: 'Bandar Abbas' }],
    publishConsent: 'public',
  },
  {
    status: 'in_review',
    language: 'fa',
    persons: ['demo-babak-example'],
    revisions: [{ narrative: `دوستم را سه روز بعد از اعتراض از محل کارش بردند. ${faNote}`, relationship: 'friend', hand: 'second', place: 'کرمانشاه' }],
  },
  {
    status: 'changes_requested',
    language: 'en',
    persons: ['demo-leila-example'],
    revisions: [{ narrative: `My cousin has not been heard from since that week. ${enNote}`, relationship: 'friend', hand: 'second', place: 'Karaj' }],
    message: 'Could you tell us roughly which day she was last seen? (demo)',
  },
  {
    status: 'published',
    language: 'fa',
    persons: ['demo-arash-example'],
    credit: 'relationship',
    revisions: [
      {
        narrative: `پسرم عصر آن روز از خانه بیرون رفت و دیگر برنگشت. نام همسایه‌ای که او را دید: [نام]. ${faNote}`,
        redacted: `پسرم عصر آن روز از خانه بیرون رفت و دیگر برنگشت. ${faNote}`,
        relationship: 'mother',
        hand: 'first',
        place: 'تهران',
      },
      { narrative: `پسرم عصر آن روز از خانه بیرون رفت و دیگر برنگشت. تا چهل روز اجازهٔ مراسم ندادند. ${faNote}`, relationship: 'mother', hand: 'first', place: 'تهران' },
    ],
    publishedRevision: 0, // revision 2 (an edit) is waiting for review while revision 1 stays public
  },
  {
    status: 'published',
    language: 'en',
    persons: ['demo-shirin-example', 'demo-kian-example'],
    credit: 'anonymous',
    revisions: [
      {
        narrative: `I treated several wounded people at the clinic that night; two did not survive. ${enNote}`,
        redacted: `I treated several wounded people that night; two did not survive. ${enNote}`,
        relationship: 'medic',
        hand: 'first',
        place: 'Mahshahr',
      },
    ],
    publishedRevision: 0,
  },
  {
    status: 'published',
    language: 'fa',
    persons: ['demo-omid-example'],
    credit: 'chosen_name',
    revisions: [
      {
        narrative: `برادرم را پس از یک دادگاه چنددقیقه‌ای اعدام کردند. ${faNote}`,
        redacted: `برادرم را پس از یک دادگاه چنددقیقه‌ای اعدام کردند. ${faNote}`,
        relationship: 'sibling',
        hand: 'first',
        place: 'مشهد',
      },
    ],
    publishedRevision: 0,
  },
  {
    status: 'rejected',
    language: 'en',
    persons: ['demo-reza-example'],
    revisions: [{ narrative: `Someone online said this happened. ${enNote}`, relationship: 'journalist', hand: 'second', place: 'Zahedan' }],
    rejectReason: 'not_credible',
  },
  {
    status: 'withdrawn',
    language: 'fa',
    persons: ['demo-sara-example'],
    revisions: [{ narrative: `روایتی که نویسنده پس گرفت. ${faNote}`, relationship: 'father', hand: 'first', place: 'سنندج' }],
  },
  {
    status: 'unpublished',
    language: 'en',
    persons: ['demo-nasrin-example'],
    revisions: [
      {
        narrative: `My wife was hit by a pellet on the way to work. ${enNote}`,
        redacted: `My wife was injured on the way to work. ${enNote}`,
        relationship: 'spouse',
        hand: 'first',
        place: 'Shiraz',
      },
    ],
    publishedRevision: 0, // taken down for the family's safety
  },
];
