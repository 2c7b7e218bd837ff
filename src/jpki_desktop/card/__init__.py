"""Card layer: transport seam, JPKI session, PIN rules, virtual card. Qt-free and synchronous."""
