"""The app's widgets: article list, reader, entity sidebar, search bar, status line."""
