// Progressive enhancement only: every page works without this file.
// "Copier" buttons copy the attribution line; they stay hidden without JavaScript.
document.querySelectorAll('button[data-copy]').forEach((button) => {
  const target = document.getElementById(button.getAttribute('data-copy') || '');
  if (!target) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const text = target.textContent || '';
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Plain http on the box's Wi-Fi is not a secure context: select the text instead.
      const range = document.createRange();
      range.selectNodeContents(target);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      document.execCommand('copy');
    }
    const label = button.textContent;
    button.textContent = button.getAttribute('data-done') || label;
    setTimeout(() => (button.textContent = label), 2000);
  });
});
