"""Allow ``python -m generator``."""

from generator.cli import main

if __name__ == "__main__":  # a spawned worker (Windows) must not run the CLI again
    main()
