"""Start qcoder: `python main.py [PROJECT.qcoder]` (no argument opens the demo project)."""

from qcoder.gui.launch import main

if __name__ == "__main__":
    raise SystemExit(main())
