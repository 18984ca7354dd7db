"""Put hooks/ on sys.path so tests can `import veileder` before pyproject's pythonpath is set."""
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))
