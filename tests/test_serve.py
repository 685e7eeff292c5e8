"""`digest serve` serves the site where it will be published: under the base path."""
import threading
import urllib.error
import urllib.request
from http.server import ThreadingHTTPServer

import pytest

from generator.build import build
from generator.serve import site_handler


@pytest.fixture
def served(project):
    build(project / "site_config.yml", project / "site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), site_handler(project / "site", "/digest/"))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_pages_are_served_under_the_base_path(served):
    with urllib.request.urlopen(f"{served}/digest/ar/index.html") as response:
        assert 'lang="ar" dir="rtl"' in response.read().decode()
    with urllib.request.urlopen(f"{served}/") as response:  # redirected to the base path
        assert response.url == f"{served}/digest/"


def test_a_missing_page_gets_the_site_404_page(served):
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(f"{served}/digest/ar/events/nope.html")
    assert caught.value.code == 404
    assert 'href="/digest/ar/index.html"' in caught.value.read().decode()
