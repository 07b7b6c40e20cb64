# Fashion-MNIST Studio: `make run` serves the app, `make test` runs every test.
# Both set everything up on a fresh Debian/Ubuntu machine (venv, pinned packages, data).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_GET := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get

.PHONY: run test bench setup data browser fonts services cluster cluster-stop train-all clean help

help:
	@echo "make run    - set up and start the app on http://localhost:$(PORT)"
	@echo "make test   - set up and run every test (browser tests included)"
	@echo "make bench  - print the speed and accuracy figures"
	@echo "make cluster - Redis, two app servers, two training workers and nginx on loopback (deploy/);"
	@echo "               make cluster-stop ends them"
	@echo "make train-all - retrain the five shipped models in models/ (CPU, about 65 minutes on 2 cores),"
	@echo "                 with their test answers (models/*.answers.npz: python -m fmnist answers)"

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@if ! $(PYTHON) -m venv --help >/dev/null 2>&1 || ! $(PYTHON) -c "import ensurepip" >/dev/null 2>&1; then \
		$(APT_GET) update -qq && $(APT_GET) install -y -qq python3-venv; fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The four archives: found on disk (see fmnist/data.py), else Debian's dataset-fashion-mnist.
data: setup
	@$(PY) -m fmnist check-data 2>/dev/null || { \
		echo "Installing Debian's dataset-fashion-mnist ..."; \
		$(APT_GET) update -qq && $(APT_GET) install -y -qq dataset-fashion-mnist && $(PY) -m fmnist check-data; }

# Korean glyphs in Matplotlib figures.
fonts:
	@fc-list 2>/dev/null | grep -qiE "nanum|noto sans cjk" || { \
		$(APT_GET) update -qq && $(APT_GET) install -y -qq fonts-nanum; }

# Debian's Chromium for the real-browser tests (Playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		$(APT_GET) update -qq && $(APT_GET) install -y -qq chromium; }

# Debian's redis-server and nginx: the tests of a cluster start their own on loopback (`make run`
# needs neither).
services:
	@command -v redis-server >/dev/null 2>&1 && { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || { \
		$(APT_GET) update -qq && $(APT_GET) install -y -qq redis-server nginx; }

run: setup data fonts
	$(PY) -m streamlit run app.py --server.port $(PORT)

test: setup data fonts browser services
	$(PY) -m pytest

# Beyond one server, on this machine: see deploy/cluster.py and the README's "Beyond one server".
CLUSTER_PORT ?= 8080
cluster: setup data fonts services
	$(PY) deploy/cluster.py start --port $(CLUSTER_PORT)

cluster-stop:
	@$(PY) deploy/cluster.py stop

bench: setup data
	$(PY) bench/run_all.py

train-all: setup data
	$(PY) -m fmnist train dense
	$(PY) -m fmnist train single
	$(PY) -m fmnist train multi
	$(PY) -m fmnist train single --arch plain
	$(PY) -m fmnist train multi --arch plain
	$(PY) -m fmnist answers

clean:
	rm -rf $(VENV) .pytest_cache
