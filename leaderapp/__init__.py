"""Værdidialog: guided value reflection for leader groups, printed as a local foundation."""

__version__ = "0.1.0"
APP_NAME = "Værdidialog"
