"""The generation engine: prompts, model gateway, stream parser and orchestration. No Jupyter imports."""
