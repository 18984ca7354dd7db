"""Put hooks/ on sys.path so tests can `import veileder` before pyproject's pythonpath is set."""
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))

# Property tests: no per-example time limit. Tests here check behaviour, never speed (the benchmark
# does that), and a loaded CI machine must not turn a slow example into a failure.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("guide", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("guide")
