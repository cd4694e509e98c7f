import { linksOf } from './mail-catcher';

describe('mail catcher linksOf', () => {
  it('collects http(s) links from the html hrefs and the text, decoded and unique', () => {
    const links = linksOf({
      html: '<a href="http://localhost:5173/accept?token=a&amp;x=1">Accept</a> <a href="mailto:x@y.z">mail</a>',
      text: 'Accept: http://localhost:5173/accept?token=a&x=1\nMore at https://tandem.example/help.',
    });
    expect(links).toEqual(['http://localhost:5173/accept?token=a&x=1', 'https://tandem.example/help']);
  });
});
