import os

# Tests run without a configured secret key; settings refuse that anywhere else.
os.environ.setdefault("SENDPLAN_ALLOW_INSECURE_KEY", "1")
