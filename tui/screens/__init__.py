"""The app's screens: main, help, mentions in context, related articles."""
