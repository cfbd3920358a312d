// While the next page is on its way, say so: server-rendered pages have no other loading state.
document.addEventListener('click', function (e) {
  var a = e.target.closest && e.target.closest('a[href]');
  if (a && !e.defaultPrevented && a.target !== '_blank') { document.body.classList.add('loading'); }
});
document.addEventListener('submit', function () { document.body.classList.add('loading'); });
window.addEventListener('pageshow', function () { document.body.classList.remove('loading'); });
