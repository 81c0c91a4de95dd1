// okod: placeholder main replaced below in this session.
int main() { return 0; }
