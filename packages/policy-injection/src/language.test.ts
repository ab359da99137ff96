import { describe, expect, it } from 'vitest';
import { identifyLanguage } from './language.js';

describe('identifyLanguage', () => {
  it.each([
    ['en', 'Please summarise the meeting notes from yesterday for the whole team.'],
    ['de', 'Bitte fasse die Notizen der gestrigen Besprechung für das ganze Team zusammen.'],
    ['ja', '昨日の会議のメモをチーム全員のために要約してください。'],
    ['ko', '어제 회의 메모를 팀 전체를 위해 요약해 주세요.'],
    ['ru', 'Пожалуйста, кратко изложи заметки со вчерашнего совещания для всей команды.'],
    ['ar', 'من فضلك لخص ملاحظات اجتماع الأمس للفريق بأكمله.'],
  ])('identifies %s', (language, text) => {
    expect(identifyLanguage(text)).toBe(language);
  });

  it('says und when the text is too short to tell', () => {
    expect(identifyLanguage('ok')).toBe('und');
  });
});
