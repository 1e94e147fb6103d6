"""The bundled demo corpus: paraphrased public reports, so a fresh install has evidence to explore."""
